/**
 * Registers the `kinesis-sql` language with Monaco: a Monarch tokenizer built from the engine's word
 * lists (keywords, types, functions, operators, both comment forms, '' strings, "quoted" names),
 * bracket/comment configuration, and a completion provider fed by the page's current streams.
 * Imported only from lazily loaded editor code.
 */
import { FUNCTION_NAMES } from '../../../engine/analytics/functions';
import type { StreamInfo } from '../../../engine/analytics/in-app-stream';
import { MONARCH_TOKENS } from '../../../engine/analytics/tokens';
import { monaco } from './monaco-env';
// monaco-editor 0.57's features/suggest/register brings only inline suggestions: the suggest widget
// (Ctrl+Space, trigger characters) and snippet insertion are separate contributions.
import { suggestionsAt, type SuggestionKind } from './sql-completion';

export const SQL_LANGUAGE_ID = 'kinesis-sql';

let completionStreams: readonly StreamInfo[] = [];

/** The streams and columns the completion provider offers (one SQL editor is open at a time). */
export function setSqlCompletionStreams(streams: readonly StreamInfo[]): void {
  completionStreams = streams;
}

export function monarchLanguage(): monaco.languages.IMonarchLanguage {
  return {
    ignoreCase: true,
    defaultToken: '',
    tokenPostfix: '.sql',
    keywords: [...new Set(MONARCH_TOKENS.keywords)],
    typeKeywords: [...new Set(MONARCH_TOKENS.typeKeywords)],
    builtinFunctions: [...new Set(FUNCTION_NAMES)],
    operators: [...MONARCH_TOKENS.operators],
    symbols: /[=><!~?:&|+\-*/^%]+/,
    brackets: [
      { open: '(', close: ')', token: 'delimiter.parenthesis' },
      { open: '[', close: ']', token: 'delimiter.square' },
    ],
    tokenizer: {
      root: [
        { include: '@whitespace' },
        [/[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?/, 'number'],
        [/'/, { token: 'string.quote', next: '@string' }],
        [/"/, { token: 'identifier.quote', next: '@quotedIdentifier' }],
        [/[a-zA-Z_][\w$]*/, { cases: { '@typeKeywords': 'type', '@keywords': 'keyword', '@builtinFunctions': 'predefined', '@default': 'identifier' } }],
        [/[()[\]]/, '@brackets'],
        [/[;,.]/, 'delimiter'],
        [/@symbols/, { cases: { '@operators': 'operator', '@default': '' } }],
      ],
      whitespace: [
        [/\s+/, 'white'],
        [/--.*$/, 'comment'],
        [/\/\*/, { token: 'comment.quote', next: '@comment' }],
      ],
      comment: [
        [/[^*/]+/, 'comment'],
        [/\*\//, { token: 'comment.quote', next: '@pop' }],
        [/./, 'comment'],
      ],
      string: [
        [/[^']+/, 'string'],
        [/''/, 'string'],
        [/'/, { token: 'string.quote', next: '@pop' }],
      ],
      quotedIdentifier: [
        [/[^"]+/, 'identifier'],
        [/""/, 'identifier'],
        [/"/, { token: 'identifier.quote', next: '@pop' }],
      ],
    },
  };
}

const KIND: Record<SuggestionKind, monaco.languages.CompletionItemKind> = {
  keyword: monaco.languages.CompletionItemKind.Keyword,
  type: monaco.languages.CompletionItemKind.TypeParameter,
  function: monaco.languages.CompletionItemKind.Function,
  stream: monaco.languages.CompletionItemKind.Struct,
  column: monaco.languages.CompletionItemKind.Field,
  snippet: monaco.languages.CompletionItemKind.Snippet,
};
const SORT: Record<SuggestionKind, string> = { column: '0', stream: '1', function: '2', keyword: '3', type: '4', snippet: '5' };

let registered = false;

export function registerSqlLanguage(): void {
  if (registered) return;
  registered = true;
  monaco.languages.register({ id: SQL_LANGUAGE_ID, extensions: ['.sql'], aliases: ['Kinesis SQL', 'KDA SQL', 'Flink SQL'] });
  monaco.languages.setMonarchTokensProvider(SQL_LANGUAGE_ID, monarchLanguage());
  monaco.languages.setLanguageConfiguration(SQL_LANGUAGE_ID, {
    comments: { lineComment: '--', blockComment: ['/*', '*/'] },
    brackets: [['(', ')'], ['[', ']']],
    autoClosingPairs: [{ open: '(', close: ')' }, { open: '[', close: ']' }, { open: "'", close: "'", notIn: ['string', 'comment'] }, { open: '"', close: '"', notIn: ['string', 'comment'] }],
    surroundingPairs: [{ open: '(', close: ')' }, { open: "'", close: "'" }, { open: '"', close: '"' }],
    wordPattern: /[A-Za-z_][\w$]*/,
  });
  monaco.languages.registerCompletionItemProvider(SQL_LANGUAGE_ID, {
    triggerCharacters: ['.', '"'],
    provideCompletionItems(model, position) {
      const before = model.getValueInRange({ startLineNumber: 1, startColumn: 1, endLineNumber: position.lineNumber, endColumn: position.column });
      const word = model.getWordUntilPosition(position);
      const range = { startLineNumber: position.lineNumber, endLineNumber: position.lineNumber, startColumn: word.startColumn, endColumn: word.endColumn };
      const suggestions = suggestionsAt(before, model.getValue(), completionStreams).map((s) => ({
        label: s.label,
        kind: KIND[s.kind],
        insertText: s.insertText,
        insertTextRules: s.snippet ? monaco.languages.CompletionItemInsertTextRule.InsertAsSnippet : undefined,
        detail: s.detail,
        sortText: SORT[s.kind] + s.label,
        range,
      }));
      return { suggestions };
    },
  });
}
