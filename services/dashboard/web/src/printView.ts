/**
 * Opens a print view in a tab of its own. `window.open` (with an opener) gives the new tab a copy of
 * this tab's session, so it is signed in as this one is; the view is of this origin only.
 */
export const openPrintView = (path: string, query: Readonly<Record<string, string>>): void => {
  window.open(`${path}?${new URLSearchParams(query).toString()}`, '_blank');
};
