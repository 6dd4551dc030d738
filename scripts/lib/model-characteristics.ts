import type { BinningOptions } from './model-binning';
import { informationValue, weightsOfEvidence, type BinCounts } from './model-woe';
import { buildWoeTable, type WoeTable } from './model-woe-table';

/** Feature values by name, one Float64Array column per feature, rows aligned with labels. */
export type FeatureColumns = Record<string, Float64Array>;

/** A candidate characteristic: one binned feature, or a row feature × column feature table. */
export type CharacteristicSpec =
  | { kind: 'feature'; name: string; binning: BinningOptions }
  | {
      kind: 'interaction';
      name: string;
      rowFeature: string;
      columnFeature: string;
      /** Binning of the row feature; categorical suits repayment-status codes. */
      rowBinning: BinningOptions;
      /** Binning of the column feature within each row; minBinFraction is of all rows. */
      columnBinning: BinningOptions;
    };

/** A characteristic binned on training rows, with a one-hot slot for every bin. */
export interface BinnedCharacteristic {
  spec: CharacteristicSpec;
  /** For an interaction, the row feature's bins; the WOE there is the row's own. */
  rowTable?: WoeTable;
  /** One table for a feature; one per row bin for an interaction, binned within the row. */
  tables: WoeTable[];
  /** WOE of every slot against all training rows, in slot order. */
  slotWoe: number[];
  /** Training rows per slot, in slot order. */
  slotCounts: BinCounts[];
  informationValue: number;
}

/** Slots of one table: its bins, then its special values, then its missing bin. */
export function tableSlotCount(table: WoeTable): number {
  return table.bins.length + table.specials.length + 1;
}

/** Index of a value's slot within one table (see {@link tableSlotCount} for the order). */
export function tableSlot(table: WoeTable, value: number): number {
  const binCount = table.bins.length;
  if (Number.isNaN(value)) return binCount + table.specials.length;
  for (let i = 0; i < table.specials.length; i += 1) {
    if (table.specials[i].value === value) return binCount + i;
  }
  for (let i = 0; i < binCount - 1; i += 1) {
    if (value <= (table.bins[i].upper as number)) return i;
  }
  return binCount - 1;
}

/** Number of slots of a characteristic, over all of its tables. */
export function slotCount(characteristic: BinnedCharacteristic): number {
  return characteristic.tables.reduce((total, table) => total + tableSlotCount(table), 0);
}

/** Index of a row's slot within its characteristic (0 … slotCount − 1). */
export function characteristicSlot(
  characteristic: BinnedCharacteristic,
  columns: FeatureColumns,
  row: number,
): number {
  const spec = characteristic.spec;
  if (spec.kind === 'feature') return tableSlot(characteristic.tables[0], columns[spec.name][row]);
  const rowIndex = tableSlot(characteristic.rowTable as WoeTable, columns[spec.rowFeature][row]);
  let offset = 0;
  for (let i = 0; i < rowIndex; i += 1) offset += tableSlotCount(characteristic.tables[i]);
  return offset + tableSlot(characteristic.tables[rowIndex], columns[spec.columnFeature][row]);
}

/**
 * Bins a characteristic on the given training rows. An interaction first bins the row
 * feature, then bins the column feature separately on each row's training rows, so each row
 * gets bins (and bad-rate trend) of its own. A row value without a row bin of its own (a
 * missing or special row value) gets a column table binned on no rows.
 */
export function binCharacteristic(
  spec: CharacteristicSpec,
  columns: FeatureColumns,
  labels: ArrayLike<number>,
  rows: readonly number[],
): BinnedCharacteristic {
  const trainLabels = Float64Array.from(rows, (i) => labels[i]);
  if (spec.kind === 'feature') {
    const table = buildWoeTable(spec.name, gather(columns[spec.name], rows), trainLabels, spec.binning);
    return finish(spec, undefined, [table], [slotCountsOf(table)]);
  }
  const rowValues = gather(columns[spec.rowFeature], rows);
  const rowTable = buildWoeTable(spec.rowFeature, rowValues, trainLabels, spec.rowBinning);
  const groups: number[][] = Array.from({ length: tableSlotCount(rowTable) }, () => []);
  rows.forEach((row, i) => groups[tableSlot(rowTable, rowValues[i])].push(row));
  const columnFraction = spec.columnBinning.minBinFraction * rows.length;
  const tables: WoeTable[] = [];
  const counts: BinCounts[][] = [];
  groups.forEach((group) => {
    const fraction = group.length ? Math.min(1, columnFraction / group.length) : 1;
    const binning = { ...spec.columnBinning, minBinFraction: fraction };
    const values = gather(columns[spec.columnFeature], group);
    const groupLabels = Float64Array.from(group, (i) => labels[i]);
    const table = buildWoeTable(spec.columnFeature, values, groupLabels, binning);
    tables.push(table);
    counts.push(slotCountsOf(table));
  });
  return finish(spec, rowTable, tables, counts);
}

function gather(column: Float64Array, rows: readonly number[]): Float64Array {
  return Float64Array.from(rows, (i) => column[i]);
}

function slotCountsOf(table: WoeTable): BinCounts[] {
  const counts = (bin: BinCounts) => ({ goods: bin.goods, bads: bin.bads });
  return [...table.bins.map(counts), ...table.specials.map(counts), counts(table.missing)];
}

function finish(
  spec: CharacteristicSpec,
  rowTable: WoeTable | undefined,
  tables: WoeTable[],
  counts: BinCounts[][],
): BinnedCharacteristic {
  const slotCounts = counts.flat();
  const slotWoe = weightsOfEvidence(slotCounts);
  const nonEmpty = slotCounts.filter((c) => c.goods + c.bads > 0);
  const iv = nonEmpty.length > 1 ? informationValue(nonEmpty) : 0;
  return { spec, rowTable, tables, slotWoe, slotCounts, informationValue: iv };
}
