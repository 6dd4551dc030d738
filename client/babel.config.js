// Taro's preset compiles React + TypeScript for every platform; `ts: true` lets it read the
// shared core's TypeScript files that sit outside `src`. Jest (NODE_ENV=test) uses plain
// presets for Node instead, because Taro's preset targets the mini-program runtimes.
module.exports = (api) => {
  const isTest = api.env('test');
  if (isTest) {
    return {
      presets: [
        ['@babel/preset-env', { targets: { node: 'current' } }],
        ['@babel/preset-react', { runtime: 'automatic' }],
        '@babel/preset-typescript',
      ],
    };
  }
  return {
    presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
  };
};
