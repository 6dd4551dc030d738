/**
 * Jest resolver: page code imports `@tarojs/components`, which in tests means the React
 * implementation `@tarojs/components-react`. That package itself imports
 * `@tarojs/components` for a few wrappers (Button uses View) and gets the React wrappers
 * of the web components there, or the two packages would import each other.
 */
module.exports = (request, options) => {
  if (request !== '@tarojs/components') return options.defaultResolver(request, options);
  const insideComponentsReact = options.basedir.includes('/@tarojs/components-react/');
  const target = insideComponentsReact
    ? '@tarojs/components/lib/react'
    : '@tarojs/components-react';
  return options.defaultResolver(target, options);
};
