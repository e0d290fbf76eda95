# expect: failed
# failing-check: values
# mistake: on a repeat the window restarts at the current character, dropping the characters after the earlier copy ("dvdf" gives 2); move left to just after the earlier occurrence instead
# mistake-zh: 遇到重复字符就从当前字符重新开始窗口，丢掉了前一次出现之后的字符（“dvdf” 得到 2）；应把 left 移到前一次出现位置的下一位


def length_of_longest_substring(s):
    window = set()
    best = 0
    for ch in s:
        if ch in window:
            window = set()  # throws away the valid suffix of the window
        window.add(ch)
        best = max(best, len(window))
    return best
