/** Named-entity extraction (people, organizations, places) and name normalization. */
package io.newsarchive.entities;
