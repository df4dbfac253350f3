/** English strings of the console's shared components: charts, heat map, hash band, scenario notices. */
const console = {
  chart: {
    noData: 'no data',
    empty: 'No data yet.',
  },
  heat: {
    noData: 'no data (shard closed or not yet created)',
    legend: '100%+ of the shard’s write limit (red: writes refused)',
  },
  band: {
    aria: 'Hash-key space with {{count}} open shards coloured by write utilisation',
    tip: '{{id}}\nkey space {{from}}% … {{to}}% ({{share}}% of it)\nwrite utilisation {{util}}%',
  },
  notice: {
    dismiss: 'Dismiss',
    more: '… and {{count}} more',
    rescue: 'Download the saved text',
  },
  shared: {
    title: 'This shared scenario contains code',
    unnamed: 'Unnamed scenario',
    text_one: '“{{name}}” includes {{count}} piece of code that will run in this page’s simulator if you load it. Read it first; load it only if you trust where the link came from.',
    text_other: '“{{name}}” includes {{count}} pieces of code that will run in this page’s simulator if you load it. Read it first; load it only if you trust where the link came from.',
    codeAria: 'Code in the shared link',
    reject: 'Don’t load',
    confirm: 'Load and run it',
  },
} as const;

export default console;
