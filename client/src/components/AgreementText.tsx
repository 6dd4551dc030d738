import { View, Text, ScrollView } from '@tarojs/components';
import type { LoanAgreement } from '@core/agreement';

/** Shows the loan agreement's title, version and sections in a box that scrolls on its own. */
export function AgreementText({ agreement, id }: { agreement: LoanAgreement; id?: string }) {
  return (
    <ScrollView scrollY className='agreement' id={id}>
      <Text className='card-title'>{agreement.title}</Text>
      <Text className='muted'>版本 {agreement.version}</Text>
      {agreement.sections.map((section) => (
        <View key={section.heading}>
          <Text className='agreement-heading'>{section.heading}</Text>
          <Text className='agreement-body'>{section.body}</Text>
        </View>
      ))}
    </ScrollView>
  );
}
