const path = require('path');

/**
 * Page and component tests: React on jsdom with `@tarojs/components-react` standing in for
 * `@tarojs/components`, and the h5 variant of platform-specific files (`*.h5.tsx`).
 */
module.exports = {
  rootDir: __dirname,
  testEnvironment: 'jsdom',
  roots: ['<rootDir>/src'],
  testMatch: ['**/__tests__/**/*.test.ts?(x)'],
  moduleFileExtensions: ['h5.tsx', 'h5.ts', 'tsx', 'ts', 'js', 'jsx', 'json'],
  resolver: '<rootDir>/test/support/resolver.js',
  setupFiles: ['<rootDir>/test/support/setup-env.js'],
  moduleNameMapper: {
    '^@core/(.*)$': '<rootDir>/../core/$1',
    '^@tarojs/taro$': '<rootDir>/test/support/taro-double.ts',
    '\\.css$': '<rootDir>/test/support/style-stub.js',
  },
  transform: {
    '^.+\\.(m?js|jsx|tsx?)$': [
      'babel-jest',
      { configFile: path.join(__dirname, 'babel.config.js') },
    ],
  },
  // Taro, Stencil and Swiper ship ES modules, some with nested node_modules, so every file
  // under those packages is compiled. Other packages are used as they are.
  transformIgnorePatterns: ['^(?!.*/node_modules/(@tarojs|@stencil|swiper)/).*/node_modules/'],
};
