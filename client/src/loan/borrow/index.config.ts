export default definePageConfig({ navigationBarTitleText: '借钱' });
