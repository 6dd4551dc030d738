import { Text, Button } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { DrawView } from '@core/api';
import { formatMoney } from '../../services/format';
import { ROUTES } from '../../services/routes';
import { Notice } from '../../components/Notice';

/** Outcome of a draw: the money sent to the card, cancelled, or still on its way. */
export function DrawResult({ draw }: { draw: DrawView }) {
  const open = () =>
    Taro.redirectTo({ url: `${ROUTES.loanDetail}?drawId=${encodeURIComponent(draw.drawId)}` });
  if (draw.status === 'cancelled') {
    // The reason is a full sentence that ends in a full stop.
    const reason = draw.cancelReason ?? '放款未成功，借款已取消。';
    return (
      <>
        <Notice kind='error' message={`${reason}额度已恢复，您不需要支付任何利息。`} />
        <Button className='btn btn-secondary' onClick={() => Taro.reLaunch({ url: ROUTES.home })}>
          返回首页
        </Button>
      </>
    );
  }
  const message =
    draw.status === 'disbursing'
      ? `放款处理中，${formatMoney(draw.principalFen)} 将发放至银行卡 ${draw.maskedBankCard}，请稍后在“我的借款”查看。`
      : `借款成功，${formatMoney(draw.principalFen)} 已发放至银行卡 ${draw.maskedBankCard}。`;
  return (
    <>
      <Notice kind='success' message={message} />
      <Text className='hint'>首期还款日 {draw.installments[0]?.dueDate ?? '—'}</Text>
      <Button className='btn btn-primary' id='draw-view-loan' onClick={open}>
        查看借款详情
      </Button>
    </>
  );
}
