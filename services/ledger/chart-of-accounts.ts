/**
 * The chart of accounts. The ledger keeps aggregate accounts only; per-loan detail stays on
 * the loan documents, and each journal carries its `loanId` for tracing.
 *
 * An account code is a base code from {@link CHART_OF_ACCOUNTS}, followed by `:<partnerId>`
 * for the accounts kept per partner bank (`partner_funds:bank_a`).
 */
import { LoanError } from '../../core/errors';

export type AccountType = 'asset' | 'liability' | 'equity' | 'income' | 'expense';
export type NormalBalance = 'debit' | 'credit';

export interface AccountDefinition {
  code: string;
  type: AccountType;
  /** Whether the code takes a `:<partnerId>` suffix (required when true). */
  perPartner: boolean;
  description: string;
}

function defineAccount(
  code: string,
  type: AccountType,
  description: string,
  perPartner = false,
): AccountDefinition {
  return { code, type, perPartner, description };
}

export const CHART_OF_ACCOUNTS: readonly AccountDefinition[] = [
  defineAccount('platform_funds', 'asset', "cash in the platform's own lending pool"),
  defineAccount(
    'partner_funds',
    'asset',
    "a partner bank's cash available for its share of co-lent loans",
    true,
  ),
  defineAccount('loans_principal_receivable', 'asset', 'principal lent and not yet repaid'),
  defineAccount('interest_accrued', 'asset', 'interest earned day by day and not yet billed'),
  defineAccount('interest_receivable', 'asset', 'interest billed and not yet paid'),
  defineAccount('penalty_receivable', 'asset', 'penalty interest charged and not yet paid'),
  defineAccount('settlement_in_transit', 'asset', 'payouts sent to the bank rail, not yet settled'),
  defineAccount('borrower_clearing', 'asset', 'collections from borrowers not yet settled'),
  defineAccount('partner_funding', 'liability', 'funds a partner bank lent to co-lend', true),
  defineAccount(
    'partner_principal_receivable',
    'asset',
    "a partner bank's share of principal lent and not yet repaid",
    true,
  ),
  defineAccount(
    'partner_interest_accrued',
    'asset',
    "a partner bank's share of interest earned day by day and not yet billed",
    true,
  ),
  defineAccount(
    'partner_interest_receivable',
    'asset',
    "a partner bank's share of interest billed and not yet paid",
    true,
  ),
  defineAccount(
    'partner_interest_cash',
    'asset',
    'interest and penalty collected for a partner bank, kept apart from its lending facility until settlement',
    true,
  ),
  defineAccount(
    'partner_interest_payable',
    'liability',
    'interest and penalty earned for a partner bank, owed to it at settlement',
    true,
  ),
  defineAccount('funding_equity', 'equity', "capital that funds the platform's lending pool"),
  defineAccount('interest_income', 'income', 'interest earned'),
  defineAccount('penalty_income', 'income', 'penalty interest earned'),
  defineAccount('credit_loss_expense', 'expense', 'principal and interest written off'),
];

const BY_CODE = new Map(CHART_OF_ACCOUNTS.map((account) => [account.code, account]));
const PARTNER_ID = /^[a-z0-9_-]{1,64}$/;

/** Returns the side that increases an account of this type. */
export function normalBalanceOf(type: AccountType): NormalBalance {
  return type === 'asset' || type === 'expense' ? 'debit' : 'credit';
}

/**
 * Returns the definition of an account code, or throws a LoanError (INVALID_INPUT) for a
 * code that is not in the chart or whose partner suffix is missing, unexpected or invalid.
 */
export function resolveAccount(code: string): AccountDefinition {
  const [base, suffix, ...rest] = typeof code === 'string' ? code.split(':') : [];
  const definition = base === undefined ? undefined : BY_CODE.get(base);
  if (definition === undefined || rest.length > 0) {
    const message = `unknown ledger account ${JSON.stringify(code)}`;
    throw new LoanError('INVALID_INPUT', message, 'account');
  }
  if (definition.perPartner && (suffix === undefined || !PARTNER_ID.test(suffix))) {
    throw new LoanError(
      'INVALID_INPUT',
      `ledger account ${code} needs a partner id suffix such as ${base}:bank_a (a-z, 0-9, _ or -)`,
      'account',
    );
  }
  if (!definition.perPartner && suffix !== undefined) {
    const message = `ledger account ${base} takes no suffix, got ${code}`;
    throw new LoanError('INVALID_INPUT', message, 'account');
  }
  return definition;
}
