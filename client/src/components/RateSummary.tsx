import { View, Text } from '@tarojs/components';
import { formatDailyRate } from '../services/format';

interface RateSummaryProps {
  /** Annualized rate, e.g. "18.25%". */
  aprText: string;
  dailyRatePpm: number;
}

/** APR in large type with the daily rate below it in small type, so the APR stands out. */
export function RateSummary({ aprText, dailyRatePpm }: RateSummaryProps) {
  return (
    <View className='apr-block'>
      <Text className='apr-label'>年化利率</Text>
      <Text className='apr-value'>{aprText}</Text>
      <Text className='daily-rate'>日利率 {formatDailyRate(dailyRatePpm)}</Text>
    </View>
  );
}
