/** The article model: one news story as read from any source format, with its entities. */
package io.newsarchive.article;
