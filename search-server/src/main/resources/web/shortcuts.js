// Keyboard shortcuts of the search page, never taken while the reader types in a field:
// "/" goes to the search box, "j" and "k" move the focus to the next and previous result.

/** True when a key press belongs to a field, an editable element or a chord. */
function typing(e) {
  const t = e.target;
  return e.ctrlKey || e.metaKey || e.altKey
    || (t instanceof HTMLElement && (t.isContentEditable || t.closest('input, textarea, select') !== null));
}

/** Listens for the shortcuts: searchBox is the query field, results the list of results. */
export function installShortcuts(searchBox, results) {
  document.addEventListener('keydown', (e) => {
    if (e.defaultPrevented || typing(e)) return;
    if (e.key === '/') {
      e.preventDefault();
      searchBox.focus();
      searchBox.select();
    } else if ((e.key === 'j' || e.key === 'k') && !results.closest('[hidden]')) {
      const titles = [...results.querySelectorAll('.hit-title')];
      if (!titles.length) return;
      e.preventDefault();
      const at = titles.indexOf(document.activeElement.closest('.hit')?.querySelector('.hit-title'));
      const next = e.key === 'j' ? at + 1 : (at < 0 ? 0 : at - 1);
      titles[Math.min(titles.length - 1, Math.max(0, next))].focus();
    }
  });
}
