export default definePageConfig({ navigationBarTitleText: '微利贷' });
