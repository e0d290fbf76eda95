# expect: failed
# failing-check: values
# mistake: counts the distinct characters of the whole string, which ignores that the substring must be contiguous; track a window of distinct characters instead
# mistake-zh: 统计的是整个字符串里不同字符的个数，忽略了子串必须连续；应维护一个无重复字符的窗口


def length_of_longest_substring(s):
    return len(set(s))  # a set of characters, not a contiguous substring
