export default definePageConfig({ navigationBarTitleText: '开通账户' });
