import { tableSlotCount, type BinnedCharacteristic } from './model-characteristics';
import type { WoeTable } from './model-woe-table';

/** One line of a scorecard table: the bin, its training rows, bad rate, WOE and points. */
export interface ScorecardRow {
  label: string;
  count: number;
  eventRate: number;
  woe: number;
  points: number;
}

const bound = (value: number | null, infinite: string) => (value === null ? infinite : String(+value.toPrecision(6)));

function rangeLabel(lower: number | null, upper: number | null): string {
  return `(${bound(lower, '−∞')}, ${bound(upper, '+∞')}]`;
}

/** Labels of a table's slots in slot order: ranges, then special values, then missing. */
function slotLabels(table: WoeTable): string[] {
  return [
    ...table.bins.map((bin) => rangeLabel(bin.lower, bin.upper)),
    ...table.specials.map((special) => `= ${special.value}`),
    'missing',
  ];
}

/**
 * Rows of a characteristic's scorecard table. Interaction rows are labelled
 * `row-feature range · column-feature bin`. Empty slots (no training rows) are left out.
 */
export function scorecardRows(
  characteristic: BinnedCharacteristic,
  points: Float64Array,
): ScorecardRow[] {
  const labels: string[] = [];
  const rowTable = characteristic.rowTable;
  characteristic.tables.forEach((table, index) => {
    let prefix = '';
    if (rowTable) prefix = `${slotLabels(rowTable)[index]} · `;
    for (const label of slotLabels(table)) labels.push(prefix + label);
    if (slotLabels(table).length !== tableSlotCount(table)) throw new Error('slot label mismatch');
  });
  return labels.flatMap((label, slot) => {
    const counts = characteristic.slotCounts[slot];
    const count = counts.goods + counts.bads;
    if (count === 0) return [];
    return [{ label, count, eventRate: counts.bads / count, woe: characteristic.slotWoe[slot], points: points[slot] }];
  });
}
