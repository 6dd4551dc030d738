import type { DrawStatus } from '@core/api';

/** Chinese label of each draw status. */
export const DRAW_STATUS_TEXT: Record<DrawStatus, string> = {
  disbursing: '放款中',
  active: '还款中',
  closed: '已结清',
  cancelled: '已取消',
};
