/** English strings of the console's shared components: charts, heat map, hash band (loaded with the pages that use them). */
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

} as const;

export default console;
