import { View, Text } from '@tarojs/components';

interface InfoRowProps {
  label: string;
  value: string;
  /** Extra class for the value, e.g. a status colour. */
  valueClassName?: string;
}

/** One label–value line that wraps under large text instead of clipping. */
export function InfoRow({ label, value, valueClassName }: InfoRowProps) {
  return (
    <View className='row'>
      <Text className='row-label'>{label}</Text>
      <Text className={`row-value ${valueClassName ?? ''}`}>{value}</Text>
    </View>
  );
}
