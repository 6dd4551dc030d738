import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { DEFAULT_BINNING, type BinningOptions } from './model-binning';
import type { CharacteristicSpec, FeatureColumns } from './model-characteristics';
import type { ModelDataset } from './model-cv';
import type { EngineOptions } from './model-engine';

/** Path of the German credit CSV (Statlog, 1,000 applicants), read in place beside the project. */
export const GERMAN_CSV_PATH = path.resolve(
  __dirname,
  '../../../shared/data/credit/german-statlog/german_credit.csv',
);

/** Coded attributes: `A<attribute><level>`, read as the integer after the A (A11 → 11). */
const CODED_COLUMNS = [
  'checking_status',
  'credit_history',
  'purpose',
  'savings_status',
  'employment_since',
  'other_debtors',
  'property',
  'other_installment_plans',
  'housing',
  'job',
  'telephone',
  'foreign_worker',
] as const;

const NUMERIC_COLUMNS = [
  'duration_months',
  'credit_amount',
  'installment_rate_pct',
  'residence_since',
  'age_years',
  'existing_credits',
  'num_dependents',
] as const;

/** Engineered features: the monthly instalment amount and that amount per instalment-rate step. */
const DERIVED_COLUMNS = ['monthly_amount', 'amount_per_rate'] as const;

/** Model inputs; `personal_status_sex` mixes sex and marital status, so it is never one. */
export const GERMAN_FEATURES = [...CODED_COLUMNS, ...NUMERIC_COLUMNS, ...DERIVED_COLUMNS];

export interface GermanData {
  columns: FeatureColumns;
  /** 1 = bad (class 2), 0 = good (class 1). */
  labels: Float64Array;
  /** Sex and marital status of each applicant, for the fairness table only. */
  sex: string[];
  maritalStatus: string[];
  sha256: string;
}

/** Sex and marital status of each personal_status_sex code, as the dataset documents them. */
const PERSONAL_STATUS: Record<string, { sex: string; marital: string }> = {
  A91: { sex: 'male', marital: 'divorced or separated' },
  A92: { sex: 'female', marital: 'divorced, separated or married' },
  A93: { sex: 'male', marital: 'single' },
  A94: { sex: 'male', marital: 'married or widowed' },
  A95: { sex: 'female', marital: 'single' },
};

/** Reads the German CSV into feature columns, labels and the protected attributes. */
export function loadGermanData(csvPath: string = GERMAN_CSV_PATH): GermanData {
  const bytes = readFileSync(csvPath);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const records: Record<string, string>[] = parse(bytes, { columns: true, trim: true });
  const columns: FeatureColumns = {};
  for (const name of GERMAN_FEATURES) columns[name] = new Float64Array(records.length);
  const labels = new Float64Array(records.length);
  const sex: string[] = [];
  const maritalStatus: string[] = [];
  records.forEach((record, row) => {
    const where = `${csvPath} row ${row + 2}`;
    for (const name of CODED_COLUMNS) columns[name][row] = codeNumber(record[name], `${where} column ${name}`);
    for (const name of NUMERIC_COLUMNS) columns[name][row] = numberOf(record[name], `${where} column ${name}`);
    const months = columns.duration_months[row];
    columns.monthly_amount[row] = months > 0 ? columns.credit_amount[row] / months : Number.NaN;
    columns.amount_per_rate[row] = columns.monthly_amount[row] / columns.installment_rate_pct[row];
    const personal = PERSONAL_STATUS[record.personal_status_sex];
    if (!personal) throw new Error(`Unknown personal_status_sex ${record.personal_status_sex} in ${where}`);
    sex.push(personal.sex);
    maritalStatus.push(personal.marital);
    labels[row] = numberOf(record.class, `${where} column class`) === 2 ? 1 : 0;
  });
  return { columns, labels, sex, maritalStatus, sha256 };
}

function codeNumber(code: string | undefined, where: string): number {
  if (!code || !/^A\d+$/.test(code)) throw new Error(`Invalid attribute code "${code}" in ${where}`);
  return Number(code.slice(1));
}

function numberOf(cell: string | undefined, where: string): number {
  const value = Number(cell);
  if (cell === undefined || cell === '' || !Number.isFinite(value)) {
    throw new Error(`Invalid number "${cell}" in ${where}`);
  }
  return value;
}

/**
 * Training settings for 1,000 rows: a grid of larger L2 penalties than for Taiwan, because
 * small data needs more shrinkage, tuned by five inner folds.
 */
export const GERMAN_ENGINE: EngineOptions = {
  minIv: 0.02,
  maxCorrelation: 0.98,
  l2Penalties: [3, 10, 30],
  innerFolds: 5,
  seed: 7,
  logistic: { maxIterations: 50, tolerance: 1e-7 },
  monotoneCoding: 'woe',
};

const coded = new Set<string>(CODED_COLUMNS);

/** Bins of at least 3% of the training rows (about 24 of 800), 20 pre-bins for numerics. */
function germanBinning(name: string, minBinFraction = 0.03): BinningOptions {
  const mode = coded.has(name) ? 'categorical' : 'monotone';
  return { ...DEFAULT_BINNING, preBinCount: 20, minBinFraction, mode };
}

/**
 * Builds the German data as a model dataset: coded attributes binned per code, numerics monotone,
 * and one interaction, credit history within each checking-account status.
 */
export function germanDataset(data: GermanData): ModelDataset {
  const specs: CharacteristicSpec[] = GERMAN_FEATURES.map((name) => ({
    kind: 'feature',
    name,
    binning: germanBinning(name),
  }));
  specs.push({
    kind: 'interaction',
    name: 'checking_status×credit_history',
    rowFeature: 'checking_status',
    columnFeature: 'credit_history',
    rowBinning: germanBinning('checking_status', 0.1),
    columnBinning: germanBinning('credit_history', 0.04),
  });
  return {
    name: 'german',
    columns: data.columns,
    labels: data.labels,
    specs,
    engine: GERMAN_ENGINE,
    scaling: { baseScore: 600, baseOdds: 50, pdo: 20 },
    displayOdds: { atZero: 1 / 4, atHundred: 32 },
  };
}
