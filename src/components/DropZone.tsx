import { useState, type ReactNode } from 'react';

interface Props {
  title: string;
  hint: ReactNode;
  /** data-testid of the multi-file input; the folder input gets `${testId}-folder`. */
  testId: string;
  /** Which input carries `testId` when `folderFirst`: the folder picker (data) or the file picker (model). */
  folderFirst?: boolean;
  accept?: string;
  onDrop(dt: DataTransfer): void;
  onPick(files: FileList): void;
  children?: ReactNode;
}

/** Accepts inputs the folder picker needs but React's typings do not list. */
const folderAttrs = { webkitdirectory: '', directory: '' } as Record<string, string>;

/**
 * A drop area with two pickers (files, a folder). The drop handler hands the
 * DataTransfer over synchronously: its items are gone once the event returns.
 */
export function DropZone({ title, hint, testId, folderFirst, accept, onDrop, onPick, children }: Props) {
  const [over, setOver] = useState(false);
  const pick = (e: React.ChangeEvent<HTMLInputElement>) => {
    if (e.target.files && e.target.files.length > 0) onPick(e.target.files);
    e.target.value = '';
  };
  const filesId = folderFirst ? `${testId}-files` : testId;
  const folderId = folderFirst ? testId : `${testId}-folder`;
  return (
    <div
      className={`dropzone${over ? ' over' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        onDrop(e.dataTransfer);
      }}
    >
      <h3>{title}</h3>
      <p className="hint">{hint}</p>
      <div className="pickers">
        <label className="button secondary">
          Choose files…
          <input className="visually-hidden" type="file" multiple accept={accept} data-testid={filesId} onChange={pick} />
        </label>
        <label className="button secondary">
          Choose a folder…
          <input className="visually-hidden" type="file" multiple data-testid={folderId} onChange={pick} {...folderAttrs} />
        </label>
        <span className="hint">or drop here</span>
      </div>
      {children}
    </div>
  );
}
