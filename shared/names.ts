/**
 * The configured rule for a person's name in anything published (typical cases, clarification
 * notices, rankings): the surname and 某. It is applied where the name is known, by the service that
 * holds it, before a text leaves it, and again by disclosure to what it publishes. Pure functions.
 */

/** Two-character surnames, which keep both characters (欧阳某, not 欧某). */
const compoundSurnames = ['欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '夏侯', '轩辕', '令狐', '端木', '澹台', '万俟', '闻人', '申屠'];

/** A person's name as published: the surname and 某 (张某, 欧阳某); 某 alone when there is no name. */
export const maskName = (name: string): string => {
  const trimmed = name.trim();
  if (trimmed === '') return '某';
  const compound = compoundSurnames.find((s) => trimmed.startsWith(s) && trimmed.length > s.length);
  return `${compound ?? [...trimmed][0]}某`;
};

/** `text` with every writing of the person's full name masked as {@link maskName} says (张某). */
export const maskNameIn = (text: string, name: string | undefined): string => (name && name.trim().length > 1 ? text.split(name.trim()).join(maskName(name)) : text);
