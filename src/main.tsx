import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './styles.css';

// A file dropped outside the drop zones would make the browser open it in place of the page (and the run with it).
// Zones handle their own drops first; everywhere else a file drop does nothing.
const isFileDrag = (e: DragEvent) => e.dataTransfer?.types.includes('Files') ?? false;
window.addEventListener('dragover', (e) => {
  if (!isFileDrag(e) || e.defaultPrevented) return; // a zone took it (React's handlers run first, on the root)
  e.preventDefault();
  e.dataTransfer!.dropEffect = 'none';
});
window.addEventListener('drop', (e) => {
  if (isFileDrag(e)) e.preventDefault();
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
