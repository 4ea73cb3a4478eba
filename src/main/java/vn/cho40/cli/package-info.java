/** The operator's command line behind {@code ./cho40}: help text and the import commands. */
package vn.cho40.cli;
