import angular from 'angular-eslint';
import tseslint from 'typescript-eslint';
import root from '../../eslint.config.mjs';

export default tseslint.config(
  ...root,
  {
    files: ['apps/web/**/*.ts'],
    extends: [...angular.configs.tsRecommended],
    processor: angular.processInlineTemplates,
    rules: {
      '@angular-eslint/component-selector': ['error', { type: 'element', prefix: 'db', style: 'kebab-case' }],
      '@angular-eslint/directive-selector': [
        'error',
        { type: 'attribute', prefix: 'db', style: 'camelCase' },
      ],
      '@angular-eslint/prefer-on-push-component-change-detection': 'error',
      '@angular-eslint/prefer-signals': 'error',
      '@angular-eslint/use-lifecycle-interface': 'error',
      // Angular's static validators (Validators.required…) are written to be passed unbound.
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    // The HTTP contract's shapes live in @duban/domain/contract, once, for the API, the web app and the
    // Excel export: a store or API client declares none of its own (issue 11).
    files: ['apps/web/src/app/**/data-access/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'TSInterfaceDeclaration[id.name=/(Dto|Row)$/], TSTypeAliasDeclaration[id.name=/(Dto|Row)$/]',
          message:
            'DTOs belong to the contract (libs/domain/src/api, imported from @duban/domain/contract), not to data-access/.',
        },
      ],
    },
  },
  {
    files: ['apps/web/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@duban/domain',
              message:
                'The web app imports @duban/domain/contract only (the index would bring the extractor into the bundle).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['apps/web/**/*.html'],
    // The root config's type-aware rules cannot run on templates.
    extends: [
      tseslint.configs.disableTypeChecked,
      ...angular.configs.templateRecommended,
      ...angular.configs.templateAccessibility,
    ],
    rules: {
      '@angular-eslint/template/prefer-control-flow': 'error',
      '@angular-eslint/template/prefer-self-closing-tags': 'error',
    },
  },
);
