/**
 * The JSON bodies of the HTTP API: one record per response envelope, holding library records that
 * {@link io.newsarchive.server.api.ApiJson} prints directly.
 */
package io.newsarchive.server.api;
