import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { BehaviourProfile } from '../../adapters/ports/credit-data';

/** Path of the Taiwan credit-card default CSV, read in place beside the project. */
export const TAIWAN_CSV_PATH = path.resolve(
  __dirname,
  '../../../shared/data/credit/taiwan-default/taiwan_default_credit_card_clients.csv',
);

/** Column that is 1 when the client defaulted on the next month's payment. */
export const TAIWAN_LABEL_COLUMN = 'default.payment.next.month';

export interface LabelledProfiles {
  profiles: BehaviourProfile[];
  /** 1 = default (bad), 0 = good, aligned with profiles. */
  labels: number[];
  /** SHA-256 of the CSV bytes, lowercase hex. */
  sha256: string;
}

const STATUS_COLUMNS = ['PAY_0', 'PAY_2', 'PAY_3', 'PAY_4', 'PAY_5', 'PAY_6'];
const BILL_COLUMNS = [1, 2, 3, 4, 5, 6].map((month) => `BILL_AMT${month}`);
const PAYMENT_COLUMNS = [1, 2, 3, 4, 5, 6].map((month) => `PAY_AMT${month}`);

/**
 * Reads the Taiwan CSV into behaviour profiles and labels. SEX and MARRIAGE are not read,
 * because the model must never use them. Throws when a cell is not a number.
 */
export function loadTaiwanProfiles(csvPath: string = TAIWAN_CSV_PATH): LabelledProfiles {
  const bytes = readFileSync(csvPath);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const records: Record<string, string>[] = parse(bytes, { columns: true, trim: true });
  const profiles: BehaviourProfile[] = [];
  const labels: number[] = [];
  records.forEach((record, index) => {
    const cell = (column: string): number => {
      const value = Number(record[column]);
      if (record[column] === undefined || record[column] === '' || !Number.isFinite(value)) {
        throw new Error(`Invalid number in ${csvPath} row ${index + 2} column ${column}`);
      }
      return value;
    };
    profiles.push({
      limitBalance: cell('LIMIT_BAL'),
      age: cell('AGE'),
      education: cell('EDUCATION'),
      repaymentStatus: STATUS_COLUMNS.map(cell),
      billAmounts: BILL_COLUMNS.map(cell),
      paymentAmounts: PAYMENT_COLUMNS.map(cell),
    });
    labels.push(cell(TAIWAN_LABEL_COLUMN) === 1 ? 1 : 0);
  });
  return { profiles, labels, sha256 };
}

/** Sex and marital status of each Taiwan row, for the fairness table; never model inputs. */
export interface TaiwanProtectedAttributes {
  sex: string[];
  maritalStatus: string[];
}

const TAIWAN_SEX: Record<string, string> = { '1': 'male', '2': 'female' };
const TAIWAN_MARRIAGE: Record<string, string> = {
  '1': 'married',
  '2': 'single',
  '3': 'others',
  '0': 'undocumented code 0',
};

/** Reads SEX and MARRIAGE of every row, in file order, for the fairness report. */
export function loadTaiwanProtectedAttributes(
  csvPath: string = TAIWAN_CSV_PATH,
): TaiwanProtectedAttributes {
  const records: Record<string, string>[] = parse(readFileSync(csvPath), { columns: true, trim: true });
  return {
    sex: records.map((record) => TAIWAN_SEX[record.SEX] ?? `code ${record.SEX}`),
    maritalStatus: records.map((record) => TAIWAN_MARRIAGE[record.MARRIAGE] ?? `code ${record.MARRIAGE}`),
  };
}
