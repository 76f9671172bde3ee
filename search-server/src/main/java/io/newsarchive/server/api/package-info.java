/** The JSON bodies of the HTTP API: one record per response shape, built from library results. */
package io.newsarchive.server.api;
