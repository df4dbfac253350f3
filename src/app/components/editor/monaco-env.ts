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
// In 0.57 `features/suggest` brings only inline suggestions; the pop-up list and snippets need these.
import 'monaco-editor/editor/contrib/suggest/browser/suggestController';
import 'monaco-editor/editor/contrib/snippet/browser/snippetController2';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';

declare global {
  interface Window {
    MonacoEnvironment?: { getWorker(workerId: string, label: string): Worker };
  }
}

self.MonacoEnvironment = {
  getWorker: () => new EditorWorker(),
};

// The stock themes dim line numbers and a few token colours below WCAG AA contrast; these keep
// Monaco's look with every colour at 4.5:1 or better on its background.
monaco.editor.defineTheme('ks-light', {
  base: 'vs',
  inherit: true,
  rules: [
    { token: 'comment', foreground: '3f6e3f' },
    { token: 'number', foreground: '0b6e4f' },
    { token: 'string', foreground: '9a1a1a' },
    // vs paints `string.sql` pure red (4:1 on white).
    { token: 'string.sql', foreground: '9a1a1a' },
    { token: 'operator', foreground: '383a42' },
    { token: 'delimiter', foreground: '383a42' },
    { token: 'type', foreground: '1d6a84' },
    { token: 'predefined', foreground: '7a4a00' },
    { token: 'regexp', foreground: '8a2d07' },
  ],
  colors: { 'editorLineNumber.foreground': '#57606a', 'editorLineNumber.activeForeground': '#1b1f24' },
});
monaco.editor.defineTheme('ks-dark', {
  base: 'vs-dark',
  inherit: true,
  rules: [
    { token: 'comment', foreground: '8fbf7f' },
    { token: 'string.sql', foreground: 'ce9178' },
    { token: 'type', foreground: '6fd3c0' },
    { token: 'predefined', foreground: 'e2c08d' },
    { token: 'delimiter', foreground: 'd4d4d4' },
    { token: 'operator', foreground: 'd4d4d4' },
  ],
  colors: { 'editorLineNumber.foreground': '#9da7b3', 'editorLineNumber.activeForeground': '#e6edf3' },
});

export function editorTheme(): string {
  return document.documentElement.dataset.theme === 'dark' ? 'ks-dark' : 'ks-light';
}

export { monaco };
