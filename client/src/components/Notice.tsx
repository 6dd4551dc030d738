import { View, Text, Button } from '@tarojs/components';

interface NoticeProps {
  kind: 'error' | 'info' | 'success';
  message: string;
  /** Label of an optional action button, e.g. "重试". */
  actionLabel?: string;
  onAction?: () => void;
}

/** A coloured message box; errors carry the server's message and usually a retry button. */
export function Notice({ kind, message, actionLabel, onAction }: NoticeProps) {
  return (
    <View className={`notice notice-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      <Text>{message}</Text>
      {actionLabel && onAction ? (
        <Button className='btn btn-secondary' onClick={onAction}>
          {actionLabel}
        </Button>
      ) : null}
    </View>
  );
}
