// The tests render the h5 variant of every page.
process.env.TARO_ENV = 'h5';
process.env.TARO_PLATFORM = 'web';

// Build-time flags that Taro's webpack config normally defines; its component library reads
// them as globals.
Object.assign(globalThis, {
  DEPRECATED_ADAPTER_COMPONENT: false,
  ENABLE_INNER_HTML: true,
  ENABLE_ADJACENT_HTML: true,
  ENABLE_SIZE_APIS: true,
  ENABLE_TEMPLATE_CONTENT: true,
  ENABLE_CLONE_NODE: true,
  ENABLE_CONTAINS: true,
  ENABLE_MUTATION_OBSERVER: true,
});
