/** Administration pages: user accounts and their roles. */
package com.investtrack.web.admin;
