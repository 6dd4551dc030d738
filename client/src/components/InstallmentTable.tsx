import { View, Text } from '@tarojs/components';
import type { InstallmentState, InstallmentView } from '@core/api';
import { formatMoney } from '../services/format';

const STATUS_LABELS: Record<InstallmentState['status'], string> = {
  upcoming: '未到期',
  due: '今日应还',
  overdue: '已逾期',
  paid: '已还清',
};

interface InstallmentTableProps {
  installments: readonly (InstallmentView | InstallmentState)[];
}

function hasState(row: InstallmentView | InstallmentState): row is InstallmentState {
  return 'status' in row;
}

/**
 * Every installment of a schedule: due date, principal, interest and total; for a drawn
 * loan also its status, the amount paid and any penalty interest.
 */
export function InstallmentTable({ installments }: InstallmentTableProps) {
  return (
    <View className='installment-table'>
      {installments.map((row) => (
        <View className='table-row' key={row.number}>
          <Text className='table-cell table-cell-main'>
            第 {row.number} 期 · {row.dueDate}
            {hasState(row) ? (
              <Text className={`status-${row.status}`}> {STATUS_LABELS[row.status]}</Text>
            ) : null}
          </Text>
          <Text className='table-cell'>本金 {formatMoney(row.principalFen)}</Text>
          <Text className='table-cell'>利息 {formatMoney(row.interestFen)}</Text>
          <Text className='table-cell'>应还 {formatMoney(row.totalFen)}</Text>
          {hasState(row) ? (
            <Text className='table-cell'>已还 {formatMoney(row.paidFen)}</Text>
          ) : null}
          {hasState(row) && row.penaltyFen > 0 ? (
            <Text className='table-cell status-overdue'>罚息 {formatMoney(row.penaltyFen)}</Text>
          ) : null}
        </View>
      ))}
    </View>
  );
}
