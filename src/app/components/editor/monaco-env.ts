/**
 * Monaco, bundled by Vite (never from a CDN): the editor core, the few features the console uses,
 * and its worker as a module URL. Imported only from lazily loaded editor components.
 */
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/suggest/register';
import 'monaco-editor/features/hover/register';
import 'monaco-editor/features/find/register';
import 'monaco-editor/features/bracketMatching/register';
import 'monaco-editor/features/comment/register';
import 'monaco-editor/features/wordHighlighter/register';
import 'monaco-editor/features/contextmenu/register';
import 'monaco-editor/features/gotoError/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';

declare global {
  interface Window {
    MonacoEnvironment?: { getWorker(workerId: string, label: string): Worker };
  }
}

self.MonacoEnvironment = {
  getWorker: () => new EditorWorker(),
};

export { monaco };
