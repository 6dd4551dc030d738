import { promises as fs } from 'fs';
import * as path from 'path';
import { parse } from 'csv-parse/sync';
import type { BehaviourProfile, CreditDataProvider } from '../ports/credit-data';
import { loadSandboxRegistry, type SandboxRegistry } from '../identity/sandbox-registry';

const REPO_ROOT = path.resolve(__dirname, '../..');
/** The Taiwan credit-card default dataset (30,000 rows), read in place. */
export const TAIWAN_CREDIT_CSV = path.resolve(
  REPO_ROOT,
  '../shared/data/credit/taiwan-default/taiwan_default_credit_card_clients.csv',
);

/** Monthly columns, most recent month (September 2005) first; the dataset has no PAY_1. */
const REPAYMENT_COLUMNS = ['PAY_0', 'PAY_2', 'PAY_3', 'PAY_4', 'PAY_5', 'PAY_6'];
const BILL_COLUMNS = ['BILL_AMT1', 'BILL_AMT2', 'BILL_AMT3', 'BILL_AMT4', 'BILL_AMT5', 'BILL_AMT6'];
const PAYMENT_COLUMNS = ['PAY_AMT1', 'PAY_AMT2', 'PAY_AMT3', 'PAY_AMT4', 'PAY_AMT5', 'PAY_AMT6'];
const LABEL_COLUMN = 'default.payment.next.month';
// SEX and MARRIAGE are never read, so no decision can use them.
const REQUIRED_COLUMNS = [
  'ID', 'LIMIT_BAL', 'EDUCATION', 'AGE', LABEL_COLUMN,
  ...REPAYMENT_COLUMNS, ...BILL_COLUMNS, ...PAYMENT_COLUMNS,
];

/** One data row: the profile plus the outcome that training uses and decisions never see. */
export interface TaiwanCreditRow {
  /** The dataset's `ID` column, 1-based. */
  id: number;
  profile: BehaviourProfile;
  /** True when the client defaulted on the following month's payment. */
  defaulted: boolean;
}

type CsvRecord = Record<string, string>;

function integerField(record: CsvRecord, column: string, line: number): number {
  const value = Number(record[column]);
  if (!Number.isInteger(value)) {
    throw new Error(
      `credit CSV line ${line}: column ${column} is not an integer: "${record[column]}"`,
    );
  }
  return value;
}

function toRow(record: CsvRecord, line: number): TaiwanCreditRow {
  const field = (column: string) => integerField(record, column, line);
  return {
    id: field('ID'),
    profile: {
      limitBalance: field('LIMIT_BAL'),
      age: field('AGE'),
      education: field('EDUCATION'),
      repaymentStatus: REPAYMENT_COLUMNS.map(field),
      billAmounts: BILL_COLUMNS.map(field),
      paymentAmounts: PAYMENT_COLUMNS.map(field),
    },
    defaulted: field(LABEL_COLUMN) === 1,
  };
}

/** Reads and parses the whole dataset. Throws when a required column is missing. */
export async function readTaiwanCreditRows(
  csvPath = TAIWAN_CREDIT_CSV,
): Promise<TaiwanCreditRow[]> {
  const text = await fs.readFile(csvPath, 'utf8');
  const records = parse(text, { columns: true, skip_empty_lines: true }) as CsvRecord[];
  const header = records.length > 0 ? Object.keys(records[0]) : [];
  const missing = REQUIRED_COLUMNS.filter((column) => !header.includes(column));
  if (missing.length > 0) {
    throw new Error(`credit CSV ${csvPath} is missing columns: ${missing.join(', ')}`);
  }
  // Line numbers count the header as line 1.
  return records.map((record, index) => toRow(record, index + 2));
}

export interface TaiwanCreditDataOptions {
  registry?: SandboxRegistry;
  csvPath?: string;
}

/**
 * Sandbox credit bureau: a sandbox person's file is the dataset row their registry record
 * points to (`creditRow`, 0-based). The dataset is parsed once, on the first request.
 */
export class TaiwanCreditData implements CreditDataProvider {
  private readonly registry: SandboxRegistry;
  private readonly csvPath: string;
  private loading: Promise<TaiwanCreditRow[]> | undefined;

  constructor(options: TaiwanCreditDataOptions = {}) {
    this.registry = options.registry ?? loadSandboxRegistry();
    this.csvPath = options.csvPath ?? TAIWAN_CREDIT_CSV;
  }

  /** Returns every data row in file order, parsing the file on the first call. */
  rows(): Promise<readonly TaiwanCreditRow[]> {
    this.loading ??= readTaiwanCreditRows(this.csvPath).catch((error: unknown) => {
      this.loading = undefined;
      throw error;
    });
    return this.loading;
  }

  /** Returns the profile for a sandbox person, or null for an ID the registry lacks. */
  async profileFor(idNumber: string): Promise<BehaviourProfile | null> {
    const person = this.registry.findByIdNumber(idNumber);
    if (!person) return null;
    const row = (await this.rows())[person.creditRow];
    if (!row) {
      throw new Error(`creditRow ${person.creditRow} for a sandbox person is past the dataset end`);
    }
    return structuredClone(row.profile);
  }
}
