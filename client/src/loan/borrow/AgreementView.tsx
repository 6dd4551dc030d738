import { View, Text, ScrollView } from '@tarojs/components';
import type { LoanAgreement } from '@core/agreement';

interface AgreementViewProps {
  agreement: LoanAgreement;
  accepted: boolean;
  onToggle: () => void;
}

/**
 * Shows the loan agreement for the quoted terms in a scrollable box, with the box the
 * borrower ticks to accept it. The page keeps the draw button disabled until it is ticked.
 */
export function AgreementView({ agreement, accepted, onToggle }: AgreementViewProps) {
  return (
    <>
      <ScrollView scrollY className='agreement' id='borrow-agreement'>
        <Text className='card-title'>{agreement.title}</Text>
        <Text className='muted'>版本 {agreement.version}</Text>
        {agreement.sections.map((section) => (
          <View key={section.heading}>
            <Text className='agreement-heading'>{section.heading}</Text>
            <Text className='agreement-body'>{section.body}</Text>
          </View>
        ))}
      </ScrollView>
      <View className='agree-toggle' id='borrow-agree' onClick={onToggle}>
        <Text className={`agree-box ${accepted ? 'agree-box-checked' : ''}`}>{accepted ? '✓' : ''}</Text>
        <Text>我已阅读并同意《{agreement.title}》</Text>
      </View>
    </>
  );
}
