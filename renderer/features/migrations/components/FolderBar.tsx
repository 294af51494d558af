import { useState } from 'react';
import { ErrorView } from '../../../components/ErrorView';
import { browseFolder, useBrowseFolder } from '../api/browse-folder';

/**
 * The migrations folder: typed (browser mode reads the core's machine, so a path is the honest
 * input) or browsed folder by folder; "Default" goes back to the project's `migrations/`.
 */
export function FolderBar({ dir, resolved, onChange }: { dir: string | undefined; resolved: string | undefined; onChange: (dir: string | undefined) => void }) {
  const [typed, setTyped] = useState(dir ?? '');
  const [browsing, setBrowsing] = useState<string | undefined>();
  const listing = useBrowseFolder(browsing);
  const [checkError, setCheckError] = useState<unknown>();

  const use = (path: string) => {
    setTyped(path);
    setBrowsing(undefined);
    setCheckError(undefined);
    onChange(path);
  };
  /** A typed folder is checked first, so a typo is an error that says so rather than an empty list. */
  const open = (path: string) =>
    browseFolder(path).then(
      (checked) => use(checked.path),
      (err: unknown) => setCheckError(err),
    );

  return (
    <div className="folder-bar">
      <form
        className="toolbar"
        onSubmit={(e) => {
          e.preventDefault();
          if (typed.trim() === '') onChange(undefined);
          else void open(typed.trim());
        }}
      >
        <label htmlFor="migrations-folder">Folder</label>
        <input id="migrations-folder" className="folder-input" value={typed} placeholder={resolved ?? 'migrations/'} onChange={(e) => setTyped(e.target.value)} spellCheck={false} />
        <button type="submit">Open</button>
        <button type="button" onClick={() => setBrowsing(typed.trim() || resolved || '.')}>
          Browse…
        </button>
        <button
          type="button"
          onClick={() => {
            setTyped('');
            onChange(undefined);
          }}
        >
          Default
        </button>
        {resolved && <span className="muted">{resolved}</span>}
      </form>
      {checkError !== undefined && <ErrorView title="Cannot use this folder" error={checkError} />}
      {browsing !== undefined && (
        <div className="migrations-folder-browser" aria-label="Browse folders">
          {listing.error && <ErrorView title="Cannot open this folder" error={listing.error} />}
          {listing.data && (
            <>
              <div className="toolbar">
                <strong>{listing.data.path}</strong>
                <span className="muted">
                  {listing.data.sqlFiles.length} .sql file(s), {listing.data.folders.filter((f) => f.migration).length} migration folder(s)
                </span>
                <button className="primary" onClick={() => use(listing.data.path)}>
                  Use this folder
                </button>
                <button onClick={() => setBrowsing(undefined)}>Close</button>
              </div>
              <ul className="migrations-folder-list">
                {listing.data.parent && (
                  <li>
                    <button className="link" onClick={() => setBrowsing(listing.data.parent!)}>
                      ..
                    </button>
                  </li>
                )}
                {listing.data.folders
                  .filter((f) => !f.migration)
                  .map((f) => (
                    <li key={f.name}>
                      <button className="link" onClick={() => setBrowsing(`${listing.data.path}/${f.name}`)}>
                        {f.name}/
                      </button>
                    </li>
                  ))}
                {listing.data.sqlFiles.map((f) => (
                  <li key={f} className="muted">
                    {f}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </div>
  );
}
