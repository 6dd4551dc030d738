import type { InstallmentState, InstallmentView } from '@core/api';
import { InstallmentTable } from '../../components/InstallmentTable';

interface NativeInstallmentTableProps {
  installments?: (InstallmentView | InstallmentState)[];
}

/**
 * The shared installment table as a native weapp component, built only by
 * `taro build native-components` so miniprogram-simulate can test it on its own.
 */
export default function NativeInstallmentTable({ installments = [] }: NativeInstallmentTableProps) {
  return <InstallmentTable installments={installments} />;
}
