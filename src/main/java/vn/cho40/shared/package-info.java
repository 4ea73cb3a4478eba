/**
 * Small pure building blocks every module may use: money, ids, Vietnamese text folding and formats.
 * No Spring, no database (an architecture test keeps it so).
 */
package vn.cho40.shared;
