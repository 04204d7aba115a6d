/**
 * Reads a table from the file a user sends (a roster, fund disbursements): CSV (UTF-8, with or
 * without a byte order mark, as Excel saves "CSV UTF-8") or an Excel workbook (`.xlsx`, its first
 * sheet). Every cell comes back as text; a date cell as `YYYY-MM-DD`.
 */
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { RuleError } from '../errors.js';

/** The rows of a CSV text. */
export const readCsv = (text: string): string[][] => {
  try {
    return parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true, trim: false }) as string[][];
  } catch (error) {
    throw new RuleError('The file is not valid CSV', [{ path: 'content', message: `CSV 格式错误：${(error as Error).message}` }], { cause: error });
  }
};

const cellText = (value: ExcelJS.CellValue): string => {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    return '';
  }
  return String(value);
};

/** The rows of the first sheet of an `.xlsx` workbook (base64). */
export const readXlsx = async (base64: string): Promise<string[][]> => {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  } catch (error) {
    throw new RuleError('The file is not an Excel workbook', [{ path: 'content', message: '不是有效的 Excel（.xlsx）文件' }], { cause: error });
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cellText(cell.value);
    });
    rows.push(Array.from(cells, (c) => c ?? ''));
  });
  return rows;
};

/** The rows of a file sent as CSV text or as a base64 `.xlsx` workbook. */
export const readTable = (format: 'csv' | 'xlsx', content: string): Promise<string[][]> => (format === 'csv' ? Promise.resolve(readCsv(content)) : readXlsx(content));
