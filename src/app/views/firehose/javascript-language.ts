/** Registers Monaco's basic JavaScript tokenizer (monaco-env loads only editor features, no languages). */
import 'monaco-editor/languages/definitions/javascript/register';
