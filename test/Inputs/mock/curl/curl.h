#pragma once
// Mirrors the declarations of <curl/curl.h> that the checks use.
typedef void CURL;
typedef void CURLM;
typedef enum { CURLE_OK = 0 } CURLcode;
typedef enum { CURLM_OK = 0 } CURLMcode;
typedef enum { CURLOPT_URL = 10002, CURLOPT_MAXCONNECTS = 71 } CURLoption;
typedef enum {
  CURLMOPT_PIPELINING = 3,
  CURLMOPT_MAX_HOST_CONNECTIONS = 7,
  CURLMOPT_MAX_TOTAL_CONNECTIONS = 13
} CURLMoption;
#ifdef __cplusplus
extern "C" {
#endif
CURL *curl_easy_init(void);
CURLcode curl_easy_setopt(CURL *curl, CURLoption option, ...);
CURLcode curl_easy_perform(CURL *curl);
char *curl_easy_escape(CURL *curl, const char *string, int length);
void curl_easy_reset(CURL *curl);
void curl_easy_cleanup(CURL *curl);
CURLM *curl_multi_init(void);
CURLMcode curl_multi_setopt(CURLM *multi_handle, CURLMoption option, ...);
CURLMcode curl_multi_add_handle(CURLM *multi_handle, CURL *curl_handle);
CURLMcode curl_multi_cleanup(CURLM *multi_handle);
#ifdef __cplusplus
}
#endif
