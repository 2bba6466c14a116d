import { useState, type DragEvent } from 'react';

/** Choose or drop import files: CSV (UTF-8 or Windows-1252) and Excel workbooks, several at once. */
export function FileDrop({ onFiles, label = 'Choose files' }: { onFiles: (files: File[]) => void; label?: string }) {
  const [dragging, setDragging] = useState(false);
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const files = [...e.dataTransfer.files];
    if (files.length > 0) onFiles(files);
  };
  return (
    <div
      className={`drop-zone${dragging ? ' drop-zone--active' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <label className="label" htmlFor="import-files">{label}</label>
      <div className="hint" id="import-files-hint">Or drag and drop them here. CSV (UTF-8 or Windows-1252) and .xlsx.</div>
      <input
        id="import-files"
        type="file"
        multiple
        accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        aria-describedby="import-files-hint"
        className="file-input"
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          if (files.length > 0) onFiles(files);
        }}
      />
    </div>
  );
}
