/** Configuration, start-up checks and the demo data. */
package com.investtrack.system;
