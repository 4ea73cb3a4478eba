/**
 * The running platform: database (embedded or DATABASE_URL), security, language, error responses, the
 * clock. Knows no business module.
 */
package vn.cho40.platform;
