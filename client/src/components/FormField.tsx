import { View, Text, Input } from '@tarojs/components';
import type { InputProps } from '@tarojs/components';

interface FormFieldProps {
  /** Stable id, also used by tests and screen readers. */
  id: string;
  label: string;
  value: string;
  placeholder?: string;
  type?: InputProps['type'];
  maxlength?: number;
  error?: string;
  /** A non-blocking remark, e.g. a card number that fails the Luhn check. */
  warning?: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
}

/** A labelled text input with its inline error or warning below it. */
export function FormField(props: FormFieldProps) {
  const { id, label, value, error, warning } = props;
  return (
    <View className='field'>
      <Text className='field-label'>{label}</Text>
      <Input
        id={id}
        className={`field-input ${error ? 'field-input-invalid' : ''}`}
        value={value}
        type={props.type ?? 'text'}
        placeholder={props.placeholder}
        maxlength={props.maxlength ?? 140}
        onInput={(event) => props.onChange(event.detail.value)}
        onBlur={() => props.onBlur?.()}
      />
      {error ? <Text className='field-error'>{error}</Text> : null}
      {!error && warning ? <Text className='hint'>{warning}</Text> : null}
    </View>
  );
}
