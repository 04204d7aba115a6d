/**
 * Excel export of any table the app shows: exceljs, loaded only when a person asks for a file. The
 * workbook says what it is (title, the filter applied, when it was exported), then the table with
 * Chinese headers, each row carrying the unit's path from the top of the viewer's tree.
 */
export interface ExportColumn<R> {
  readonly header: string;
  readonly value: (row: R) => string | number;
  /** Width in characters. */
  readonly width?: number;
}

export interface ExportRequest<R> {
  readonly title: string;
  /** The filter applied, in words (`2026年度 · 东湖县及下级单位 · 未报送`). */
  readonly filter: string;
  readonly columns: readonly ExportColumn<R>[];
  readonly rows: readonly R[];
  /** The file's name without extension. */
  readonly fileName: string;
}

/** The file name's characters that no system refuses. */
const safeName = (name: string) => name.replace(/[\\/:*?"<>|]/g, '_').slice(0, 100);

/** Builds the workbook; answers its bytes. */
export const workbookOf = async <R>(request: ExportRequest<R>): Promise<ArrayBuffer> => {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '党风廉政建设责任制管理平台';
  workbook.created = new Date();
  const sheet = workbook.addWorksheet(request.title.slice(0, 31));
  sheet.addRow([request.title]).font = { bold: true, size: 14 };
  sheet.addRow([`筛选条件：${request.filter}`]);
  sheet.addRow([`导出时间：${new Date().toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })}`]);
  const header = sheet.addRow(request.columns.map((c) => c.header));
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEAEEF2' } };
    cell.border = { bottom: { style: 'thin' } };
  });
  for (const row of request.rows) sheet.addRow(request.columns.map((c) => c.value(row)));
  request.columns.forEach((c, i) => (sheet.getColumn(i + 1).width = c.width ?? Math.max(10, c.header.length * 2 + 2)));
  sheet.views = [{ state: 'frozen', ySplit: 4 }];
  return (await workbook.xlsx.writeBuffer()) as ArrayBuffer;
};

/** Builds the workbook and hands it to the browser as a download. */
export const downloadTable = async <R>(request: ExportRequest<R>): Promise<void> => {
  const bytes = await workbookOf(request);
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `${safeName(request.fileName)}.xlsx`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
};
