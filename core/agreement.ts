import { formatYuan } from './money';
import { PENALTY_MULTIPLIER_DENOMINATOR, PENALTY_MULTIPLIER_NUMERATOR } from './interest';

/**
 * Version of the loan agreement's wording, part of the text a draw's agreement digest
 * covers. Bump it whenever the text below changes, so each draw records which wording the
 * borrower accepted.
 */
export const LOAN_AGREEMENT_VERSION = '2026-12-04';

/** The terms of one draw that the agreement states, all as the quote shows them. */
export interface LoanAgreementTerms {
  amountFen: number;
  termMonths: number;
  dailyRatePpm: number;
  /** Annualized rate as displayed, e.g. "18.25%". */
  aprText: string;
  repaymentDay: number;
  /** Due dates (`YYYY-MM-DD`) of the first and the last installment. */
  firstDueDate: string;
  lastDueDate: string;
  totalInterestFen: number;
  totalRepaymentFen: number;
  /** The bound card, masked to its last four digits. */
  maskedBankCard: string;
}

export interface AgreementSection {
  heading: string;
  body: string;
}

export interface LoanAgreement {
  version: string;
  title: string;
  sections: AgreementSection[];
}

/**
 * Formats an integer rate held in units of 10^-decimals percent as a percentage with at
 * least two decimals: (275, 4) → "0.0275%", (500, 4) → "0.05%", (4605, 5) → "0.04605%".
 * Integer arithmetic only, so the text is exact.
 */
export function formatPercent(value: number, decimals: number): string {
  const scale = 10 ** decimals;
  const whole = Math.floor(value / scale);
  let fraction = String(value % scale).padStart(decimals, '0');
  while (fraction.length > 2 && fraction.endsWith('0')) fraction = fraction.slice(0, -1);
  return `${whole}.${fraction}%`;
}

/**
 * Formats the penalty daily rate (the daily rate × 3 / 2, a whole number of tenths of a
 * ppm) as a percentage: 300 ppm → "0.045%", 307 ppm → "0.04605%".
 */
export function penaltyDailyRateText(dailyRatePpm: number): string {
  const tenthsOfPpm = (dailyRatePpm * 10 * Number(PENALTY_MULTIPLIER_NUMERATOR)) / Number(PENALTY_MULTIPLIER_DENOMINATOR);
  return formatPercent(tenthsOfPpm, 5);
}

function yuanText(fen: number): string {
  return `${formatYuan(fen, { thousands: true })} 元`;
}

/**
 * Writes the loan agreement for one draw: amount, term, interest, early repayment, overdue
 * penalty, automatic collection and co-lending, each with this draw's figures. The text
 * follows the core's rules (interest per night on outstanding principal, equal principal
 * per installment, penalty at 1.5 × the daily rate after the grace day, no early-payoff fee).
 */
export function loanAgreement(terms: LoanAgreementTerms): LoanAgreement {
  const dailyRate = formatPercent(terms.dailyRatePpm, 4);
  return {
    version: LOAN_AGREEMENT_VERSION,
    title: '个人借款合同',
    sections: [
      {
        heading: '一、借款金额与发放',
        body:
          '借款人为通过本人实名核验的本账户持有人，出借人为本平台及按第七条共同出资的合作银行。' +
          `借款本金 ${yuanText(terms.amountFen)}，发放至借款人本人名下的银行卡 ${terms.maskedBankCard}。` +
          '借款仅用于个人日常消费，不得用于购房、投资证券或其他法律禁止的用途。',
      },
      {
        heading: '二、期限与还款方式',
        body:
          `借款分 ${terms.termMonths} 期，每月 ${terms.repaymentDay} 日为还款日，` +
          `首期 ${terms.firstDueDate}，末期 ${terms.lastDueDate}。` +
          '每期归还相同的本金（末期归还余下本金）及当期利息。' +
          `如款项当日到账且每期按时还款，利息合计 ${yuanText(terms.totalInterestFen)}，还款总额 ${yuanText(terms.totalRepaymentFen)}。`,
      },
      {
        heading: '三、利率与计息',
        body:
          `日利率 ${dailyRate}，按未还本金和实际天数逐日计息；折合年化利率（APR）${terms.aprText}。` +
          '自款项到账当日起计息，还款当日不计息；款项次日才到账的，计息和还款计划从到账日起算。',
      },
      {
        heading: '四、提前还款',
        body:
          '借款人可随时提前还清全部借款（已有一笔扣款正在处理时，待其完成后即可），' +
          '只需归还未还本金及截至还款当日的利息，不收取违约金或手续费。',
      },
      {
        heading: '五、自动扣款',
        body:
          '自还款日起，每天上午从上述银行卡自动扣收应还金额，上午未扣成功的当天下午再扣一次，直到还清。' +
          '借款人也可随时在“我的借款”中主动还款。',
      },
      {
        heading: '六、逾期',
        body:
          '还款日次日为宽限日，宽限日内还款视为按时。' +
          `宽限日后仍未还清的，自还款日起对逾期本金按日利率 ${penaltyDailyRateText(terms.dailyRatePpm)}（正常日利率的 1.5 倍）计收罚息，代替该部分的正常利息；罚息不对利息计收。`,
      },
      {
        heading: '七、资金来源',
        body: '本笔借款可能由平台与合作银行按比例共同出资。借款人的还款金额、日期和方式不因此改变，还款按出资比例分配给各出资方。',
      },
    ],
  };
}
