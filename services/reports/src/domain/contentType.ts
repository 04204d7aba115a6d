/**
 * What a file is, by its content and never its name or the type its sender declared: the media
 * type its bytes show, or undefined when they show none.
 *
 * `file-type` reads the signatures, and for ZIP containers the entries that make an Office Open
 * XML document a `.docx`, `.xlsx` or `.pptx`. Two containers need a second look, done here:
 * - the Compound File Binary (OLE2) container of the legacy Office formats, which `file-type`
 *   names only as a container: the stream at its root tells them apart ([MS-DOC] `WordDocument`,
 *   [MS-XLS] `Workbook` (or `Book`, Excel 5), [MS-PPT] `PowerPoint Document`). A password-protected
 *   Office file is such a container too, holding only `EncryptedPackage`, and stays unnamed;
 * - OFD (GB/T 33190, the Chinese fixed-layout format of official documents), a ZIP whose entry
 *   point is `OFD.xml` at its root.
 * https://learn.microsoft.com/en-us/openspecs/windows_protocols/ms-cfb/
 */
import CFB from 'cfb';
import { fileTypeFromBuffer } from 'file-type';

/** The root stream that names each legacy Office format inside its CFB container. */
const legacyOfficeStreams: ReadonlyArray<readonly [stream: string, mediaType: string]> = [
  ['WordDocument', 'application/msword'],
  ['Workbook', 'application/vnd.ms-excel'],
  ['Book', 'application/vnd.ms-excel'],
  ['PowerPoint Document', 'application/vnd.ms-powerpoint'],
];

/** The legacy Office format of a CFB container, or the container's own type when it is none of them. */
const legacyOfficeType = (bytes: Uint8Array): string => {
  let container: CFB.CFB$Container;
  try {
    container = CFB.read(bytes, { type: 'buffer' });
  } catch {
    return 'application/x-cfb';
  }
  const roots = new Set(container.FullPaths.map((p) => p.split('/').filter(Boolean)).filter((parts) => parts.length === 2).map((parts) => parts[1]));
  return legacyOfficeStreams.find(([stream]) => roots.has(stream))?.[1] ?? 'application/x-cfb';
};

/**
 * The names of a ZIP archive's entries, from its central directory (undefined when there is none
 * to read: a cut or ZIP64 archive).
 * https://pkware.cachefly.net/webdocs/casestudies/APPNOTE.TXT (4.3.12, 4.3.16)
 */
export const zipEntryNames = (bytes: Uint8Array): string[] | undefined => {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end of central directory record: 22 bytes, then a comment of up to 65,535 bytes.
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (view.getUint32(at, true) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0) return undefined;
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return undefined;
    const nameLength = view.getUint16(at + 28, true);
    const rest = nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    if (at + 46 + nameLength > bytes.length) return undefined;
    names.push(new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)));
    at += 46 + rest;
  }
  return names;
};

/**
 * The media type the file's bytes show; undefined when they show none (plain text, say, or
 * nothing at all).
 *
 * @example
 * ```ts
 * import { sniffMediaType } from '#services/reports/src/domain/contentType.js';
 *
 * const pdf = new TextEncoder().encode('%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');
 * const sniffed = await sniffMediaType(pdf); // 'application/pdf'
 * ```
 */
export const sniffMediaType = async (bytes: Uint8Array): Promise<string | undefined> => {
  const found = await fileTypeFromBuffer(bytes);
  if (found?.mime === 'application/x-cfb') return legacyOfficeType(bytes);
  if (found?.mime === 'application/zip' && zipEntryNames(bytes)?.includes('OFD.xml')) return 'application/ofd';
  return found?.mime;
};
