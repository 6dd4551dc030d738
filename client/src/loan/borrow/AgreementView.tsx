import { View, Text } from '@tarojs/components';
import type { LoanAgreement } from '@core/agreement';
import { AgreementText } from '../../components/AgreementText';

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
      <AgreementText agreement={agreement} id='borrow-agreement' />
      <View className='agree-toggle' id='borrow-agree' onClick={onToggle}>
        <Text className={`agree-box ${accepted ? 'agree-box-checked' : ''}`}>{accepted ? '✓' : ''}</Text>
        <Text>我已阅读并同意《{agreement.title}》</Text>
      </View>
    </>
  );
}
