<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ActionDialog</name>
    <message>
        <location filename="../../ui/lifecycle_dialogs.py" line="58"/>
        <source>%1 — 工单 %2</source>
        <translation>%1 — ticket %2</translation>
    </message>
    <message>
        <location filename="../../ui/lifecycle_dialogs.py" line="76"/>
        <source>确定%1</source>
        <translation>Confirm %1</translation>
    </message>
    <message>
        <location filename="../../ui/lifecycle_dialogs.py" line="103"/>
        <source>主办单位(&amp;U)</source>
        <translation>Lead unit (&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/lifecycle_dialogs.py" line="104"/>
        <source>协办单位(&amp;C)</source>
        <translation>&amp;Co-handling units</translation>
    </message>
    <message>
        <location filename="../../ui/lifecycle_dialogs.py" line="105"/>
        <source>办理期限(&amp;D)</source>
        <translation>&amp;Deadline</translation>
    </message>
    <message>
        <location filename="../../ui/lifecycle_dialogs.py" line="107"/>
        <source>原因(&amp;R)</source>
        <translation>&amp;Reason</translation>
    </message>
    <message>
        <location filename="../../ui/lifecycle_dialogs.py" line="108"/>
        <source>必填：为什么退回/重办，接手的人要做什么</source>
        <translation>Required: why it goes back, and what the next person must do</translation>
    </message>
    <message>
        <location filename="../../ui/lifecycle_dialogs.py" line="111"/>
        <source>延期到(&amp;D)</source>
        <translation>Extend to (&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/lifecycle_dialogs.py" line="112"/>
        <source>延期理由(&amp;R)</source>
        <translation>&amp;Reason for the extension</translation>
    </message>
    <message>
        <location filename="../../ui/lifecycle_dialogs.py" line="112"/>
        <source>必填：为什么需要更多时间</source>
        <translation>Required: why more time is needed</translation>
    </message>
    <message>
        <location filename="../../ui/lifecycle_dialogs.py" line="115"/>
        <source>申请延期到 %1：%2</source>
        <translation>Extension to %1 requested: %2</translation>
    </message>
    <message>
        <location filename="../../ui/lifecycle_dialogs.py" line="119"/>
        <source>申请</source>
        <translation>Request</translation>
    </message>
    <message>
        <location filename="../../ui/lifecycle_dialogs.py" line="120"/>
        <source>同意延期</source>
        <translation>Approve the extension</translation>
    </message>
    <message>
        <location filename="../../ui/lifecycle_dialogs.py" line="121"/>
        <source>不同意</source>
        <translation>Refuse</translation>
    </message>
    <message>
        <location filename="../../ui/lifecycle_dialogs.py" line="122"/>
        <source>审批(&amp;A)</source>
        <translation>Decision (&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/lifecycle_dialogs.py" line="123"/>
        <source>意见(&amp;R)</source>
        <translation>&amp;Reason</translation>
    </message>
    <message>
        <location filename="../../ui/lifecycle_dialogs.py" line="123"/>
        <source>不同意时必填</source>
        <translation>Required when refusing</translation>
    </message>
    <message>
        <location filename="../../ui/lifecycle_dialogs.py" line="125"/>
        <source>办理结果(&amp;R)</source>
        <translation>&amp;Result</translation>
    </message>
    <message>
        <location filename="../../ui/lifecycle_dialogs.py" line="126"/>
        <source>必填：做了什么、结果如何，回访时会念给市民听</source>
        <translation>Required: what was done and with what result; it is read to the citizen at the callback</translation>
    </message>
    <message>
        <location filename="../../ui/lifecycle_dialogs.py" line="128"/>
        <source>是否解决(&amp;S)</source>
        <translation>&amp;Solved?</translation>
    </message>
    <message>
        <location filename="../../ui/lifecycle_dialogs.py" line="131"/>
        <source>满意度(&amp;S)</source>
        <translation>&amp;Satisfaction</translation>
    </message>
    <message>
        <location filename="../../ui/lifecycle_dialogs.py" line="132"/>
        <source>选“不满意”会把工单退回承办单位重办。</source>
        <translation>Choosing &quot;unsatisfied&quot; sends the ticket back to the unit to be redone.</translation>
    </message>
    <message>
        <location filename="../../ui/lifecycle_dialogs.py" line="137"/>
        <source>督办级别(&amp;L)</source>
        <translation>Escalation level (&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/lifecycle_dialogs.py" line="138"/>
        <source>督办意见(&amp;R)</source>
        <translation>Instructions (&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/lifecycle_dialogs.py" line="139"/>
        <source>必填：要求承办单位做什么、何时前完成</source>
        <translation>Required: what the unit must do, and by when</translation>
    </message>
    <message>
        <location filename="../../ui/lifecycle_dialogs.py" line="141"/>
        <source>保留的主工单编号（本地编号或正式编号）</source>
        <translation>Number of the ticket to keep (local or official number)</translation>
    </message>
    <message>
        <location filename="../../ui/lifecycle_dialogs.py" line="142"/>
        <source>合并到(&amp;M)</source>
        <translation>&amp;Merge into</translation>
    </message>
    <message>
        <location filename="../../ui/lifecycle_dialogs.py" line="145"/>
        <source>备注(&amp;N)</source>
        <translation>&amp;Note</translation>
    </message>
    <message>
        <location filename="../../ui/lifecycle_dialogs.py" line="101"/>
        <source>可选，多个单位用顿号或逗号分隔；输入单位名称的一部分可选择</source>
        <translation>Optional; separate several units with commas; type any part of a name to pick it</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <location filename="../../app/domain/lifecycle.py" line="20"/>
        <source>派单</source>
        <translation>Dispatch</translation>
    </message>
    <message>
        <location filename="../../app/domain/lifecycle.py" line="21"/>
        <source>签收</source>
        <translation>Sign for</translation>
    </message>
    <message>
        <location filename="../../app/domain/lifecycle.py" line="22"/>
        <source>办理</source>
        <translation>Start work</translation>
    </message>
    <message>
        <location filename="../../app/domain/lifecycle.py" line="23"/>
        <source>退单</source>
        <translation>Return</translation>
    </message>
    <message>
        <location filename="../../app/domain/lifecycle.py" line="24"/>
        <source>延期</source>
        <translation>Request extension</translation>
    </message>
    <message>
        <location filename="../../app/domain/lifecycle.py" line="25"/>
        <source>办结</source>
        <translation>Complete</translation>
    </message>
    <message>
        <location filename="../../app/domain/lifecycle.py" line="26"/>
        <source>回访</source>
        <translation>Call back</translation>
    </message>
    <message>
        <location filename="../../app/domain/lifecycle.py" line="27"/>
        <source>重办</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <location filename="../../app/domain/lifecycle.py" line="28"/>
        <source>督办</source>
        <translation>Escalate</translation>
    </message>
    <message>
        <location filename="../../app/domain/lifecycle.py" line="29"/>
        <source>归档</source>
        <translation>Archive</translation>
    </message>
    <message>
        <location filename="../../app/domain/lifecycle.py" line="30"/>
        <source>延期审批</source>
        <translation>Decide extension</translation>
    </message>
    <message>
        <location filename="../../app/domain/lifecycle.py" line="31"/>
        <source>合并</source>
        <translation>Merge</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <location filename="../../ui/admin/page.py" line="58"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="97"/>
        <source>请确认</source>
        <translation>Please confirm</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="113"/>
        <source>本机还没有设置中心服务器：请通过“同步 → 登录中心…”用管理员账号登录。</source>
        <translation>No center server is set up on this computer: sign in with an administrator account via &quot;Sync → Sign in to the center…&quot;.</translation>
    </message>
</context>
<context>
    <name>AdminPanel</name>
    <message>
        <location filename="../../ui/admin/panel.py" line="40"/>
        <source>管理视图</source>
        <translation>Administration views</translation>
    </message>
    <message>
        <location filename="../../ui/admin/panel.py" line="62"/>
        <source>系统管理</source>
        <translation>Administration</translation>
    </message>
</context>
<context>
    <name>AgentStateBar</name>
    <message>
        <location filename="../../ui/call_panel.py" line="54"/>
        <source>示闲</source>
        <translation>Ready</translation>
    </message>
    <message>
        <location filename="../../ui/call_panel.py" line="54"/>
        <source>示忙</source>
        <translation>Not ready</translation>
    </message>
    <message>
        <location filename="../../ui/call_panel.py" line="55"/>
        <source>小休</source>
        <translation>Break</translation>
    </message>
    <message>
        <location filename="../../ui/call_panel.py" line="55"/>
        <source>话后整理</source>
        <translation>Wrap-up</translation>
    </message>
    <message>
        <location filename="../../ui/call_panel.py" line="89"/>
        <source>（%1 秒后示闲）</source>
        <translation> (ready in %1 s)</translation>
    </message>
</context>
<context>
    <name>AssistantSidebar</name>
    <message>
        <location filename="../../ui/assistant_sidebar.py" line="182"/>
        <source>智能助手</source>
        <translation>Assistant</translation>
    </message>
    <message>
        <location filename="../../ui/assistant_sidebar.py" line="184"/>
        <location filename="../../ui/assistant_sidebar.py" line="501"/>
        <source>分类模型加载中…（紧急识别、来电历史照常可用）</source>
        <translation>Loading category model… (emergency checks and caller history work meanwhile)</translation>
    </message>
    <message>
        <location filename="../../ui/assistant_sidebar.py" line="229"/>
        <source>分类建议</source>
        <translation>Category suggestions</translation>
    </message>
    <message>
        <location filename="../../ui/assistant_sidebar.py" line="231"/>
        <location filename="../../ui/assistant_sidebar.py" line="564"/>
        <source>输入标题或诉求内容后显示</source>
        <translation>Appears once a subject or details are typed</translation>
    </message>
    <message>
        <location filename="../../ui/assistant_sidebar.py" line="248"/>
        <source>承办单位建议</source>
        <translation>Handling unit suggestion</translation>
    </message>
    <message>
        <location filename="../../ui/assistant_sidebar.py" line="260"/>
        <source>来电历史 (Alt+H)</source>
        <translation>Caller history (Alt+H)</translation>
    </message>
    <message>
        <location filename="../../ui/assistant_sidebar.py" line="269"/>
        <source>相似/重复工单 (Alt+D)</source>
        <translation>Similar/duplicate tickets (Alt+D)</translation>
    </message>
    <message>
        <location filename="../../ui/assistant_sidebar.py" line="273"/>
        <source>关联所选工单 (Alt+L)</source>
        <translation>Link selected ticket (Alt+L)</translation>
    </message>
    <message>
        <location filename="../../ui/assistant_sidebar.py" line="280"/>
        <source>知识库与历史答复</source>
        <translation>Knowledge base and past answers</translation>
    </message>
    <message>
        <location filename="../../ui/assistant_sidebar.py" line="284"/>
        <source>智能质检</source>
        <translation>Quality checks</translation>
    </message>
    <message>
        <location filename="../../ui/assistant_sidebar.py" line="329"/>
        <source>双击或按回车打开工单</source>
        <translation>Double-click or press Enter to open</translation>
    </message>
    <message>
        <location filename="../../ui/assistant_sidebar.py" line="352"/>
        <source>分类模型：已用 %s 条已确认工单训练</source>
        <translation>Category model: trained on %s confirmed tickets</translation>
    </message>
    <message>
        <location filename="../../ui/assistant_sidebar.py" line="353"/>
        <source>分类模型：内置关键词（本机已确认工单尚少）</source>
        <translation>Category model: built-in keywords (few confirmed tickets yet)</translation>
    </message>
    <message>
        <location filename="../../ui/assistant_sidebar.py" line="359"/>
        <source>分类模型不可用（%s）；其余提示照常。</source>
        <translation>Category model unavailable (%s); other hints still work.</translation>
    </message>
    <message>
        <location filename="../../ui/assistant_sidebar.py" line="376"/>
        <source>相似工单索引未建立（%s）。</source>
        <translation>Similar-ticket index not built (%s).</translation>
    </message>
    <message>
        <location filename="../../ui/assistant_sidebar.py" line="424"/>
        <source>智能提示出错（%s），请继续填写工单。</source>
        <translation>Assistant error (%s); carry on with the ticket.</translation>
    </message>
    <message>
        <location filename="../../ui/assistant_sidebar.py" line="445"/>
        <source>已转接：已转%1（%2），保存工单时写入时间线。</source>
        <translation>Transferred to %1 (%2); the timeline records it when the ticket is saved.</translation>
    </message>
    <message>
        <location filename="../../ui/assistant_sidebar.py" line="459"/>
        <source>转接 %1 (Alt+Z)</source>
        <translation>Transfer to %1 (Alt+Z)</translation>
    </message>
    <message>
        <location filename="../../ui/assistant_sidebar.py" line="526"/>
        <source>⚠ 紧急：请立即转接 %1 %2</source>
        <translation>⚠ Emergency: transfer to %1 %2 now</translation>
    </message>
    <message>
        <location filename="../../ui/assistant_sidebar.py" line="527"/>
        <source>；同时涉及 </source>
        <translation>; also involves </translation>
    </message>
    <message>
        <location filename="../../ui/assistant_sidebar.py" line="528"/>
        <location filename="../../ui/assistant_sidebar.py" line="538"/>
        <source>依据：</source>
        <translation>Because: </translation>
    </message>
    <message>
        <location filename="../../ui/assistant_sidebar.py" line="536"/>
        <source>部门热线：可转 %1 %2</source>
        <translation>Department line: transfer to %1 %2</translation>
    </message>
    <message>
        <location filename="../../ui/assistant_sidebar.py" line="548"/>
        <source>话术：</source>
        <translation>Say: </translation>
    </message>
    <message>
        <location filename="../../ui/assistant_sidebar.py" line="550"/>
        <source>操作：</source>
        <translation>Do: </translation>
    </message>
    <message>
        <location filename="../../ui/assistant_sidebar.py" line="565"/>
        <source>模型加载中</source>
        <translation>Model loading</translation>
    </message>
    <message>
        <location filename="../../ui/assistant_sidebar.py" line="575"/>
        <source>按 Alt+%s 填入一级分类</source>
        <translation>Press Alt+%s to fill category 1</translation>
    </message>
    <message>
        <location filename="../../ui/assistant_sidebar.py" line="585"/>
        <source>按 Alt+U 填入承办单位</source>
        <translation>Press Alt+U to fill the handling unit</translation>
    </message>
    <message>
        <location filename="../../ui/assistant_sidebar.py" line="589"/>
        <source>其他：</source>
        <translation>Others: </translation>
    </message>
    <message>
        <location filename="../../ui/assistant_sidebar.py" line="602"/>
        <source>来电 %1 此前有 %2 件工单，其中 %3 件未办结（未办结在前）</source>
        <translation>Caller %1 has %2 earlier tickets, %3 still open (open first)</translation>
    </message>
    <message>
        <location filename="../../ui/assistant_sidebar.py" line="605"/>
        <source>来电 %s 此前没有工单（新来电人）</source>
        <translation>Caller %s has no earlier tickets (new caller)</translation>
    </message>
    <message>
        <location filename="../../ui/assistant_sidebar.py" line="616"/>
        <source>（保密工单）</source>
        <translation>(confidential)</translation>
    </message>
    <message>
        <location filename="../../ui/assistant_sidebar.py" line="617"/>
        <source>保密工单，内容不显示</source>
        <translation>Confidential ticket, content hidden</translation>
    </message>
    <message>
        <location filename="../../ui/assistant_sidebar.py" line="621"/>
        <source>办理结果：</source>
        <translation>Result: </translation>
    </message>
    <message>
        <location filename="../../ui/assistant_sidebar.py" line="628"/>
        <source>疑似重复</source>
        <translation>Likely duplicate</translation>
    </message>
    <message>
        <location filename="../../ui/assistant_sidebar.py" line="628"/>
        <source>相似</source>
        <translation>Similar</translation>
    </message>
    <message>
        <location filename="../../ui/assistant_sidebar.py" line="629"/>
        <source>同地址同类</source>
        <translation>Same address and category</translation>
    </message>
    <message>
        <location filename="../../ui/assistant_sidebar.py" line="647"/>
        <source>来源：</source>
        <translation>Source: </translation>
    </message>
    <message>
        <location filename="../../ui/assistant_sidebar.py" line="447"/>
        <source>已记录：已转%1（%2），保存工单时写入时间线。</source>
        <translation>Noted: handed off to %1 (%2); written to the timeline when the ticket is saved.</translation>
    </message>
    <message>
        <location filename="../../ui/assistant_sidebar.py" line="459"/>
        <source>确认已转接 %1 (Alt+Z)</source>
        <translation>Confirm hand-off to %1 (Alt+Z)</translation>
    </message>
    <message>
        <location filename="../../ui/assistant_sidebar.py" line="573"/>
        <source>紧急</source>
        <translation>Urgent</translation>
    </message>
    <message>
        <location filename="../../ui/assistant_sidebar.py" line="587"/>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <location filename="../../ui/assistant_sidebar.py" line="587"/>
        <source>%1（%2）</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/assistant_sidebar.py" line="656"/>
        <source>【%1】%2</source>
        <translation>[%1] %2</translation>
    </message>
</context>
<context>
    <name>AuditLogPage</name>
    <message>
        <location filename="../../ui/admin/audit.py" line="24"/>
        <source>查看完整号码</source>
        <translation>Full number shown</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit.py" line="24"/>
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit.py" line="25"/>
        <source>登录</source>
        <translation>Login</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit.py" line="25"/>
        <source>登录失败</source>
        <translation>Failed login</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit.py" line="26"/>
        <source>拒绝访问</source>
        <translation>Access refused</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit.py" line="26"/>
        <source>管理操作</source>
        <translation>Admin change</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit.py" line="30"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit.py" line="31"/>
        <source>用户</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit.py" line="32"/>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit.py" line="33"/>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit.py" line="34"/>
        <source>工单</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit.py" line="35"/>
        <source>原因 / 说明</source>
        <translation>Reason / note</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit.py" line="36"/>
        <source>详情</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit.py" line="37"/>
        <source>来源地址</source>
        <translation>From address</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit.py" line="41"/>
        <source>全部操作</source>
        <translation>All actions</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit.py" line="45"/>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit.py" line="47"/>
        <source>工单编号</source>
        <translation>Ticket number</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit.py" line="49"/>
        <source>全部时间</source>
        <translation>Any time</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit.py" line="49"/>
        <source>今天</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit.py" line="49"/>
        <source>最近 7 天</source>
        <translation>Last 7 days</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit.py" line="50"/>
        <source>最近 30 天</source>
        <translation>Last 30 days</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit.py" line="52"/>
        <source>查询</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit.py" line="56"/>
        <source>上一页</source>
        <translation>Previous page</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit.py" line="57"/>
        <source>下一页</source>
        <translation>Next page</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit.py" line="90"/>
        <source>正在从中心读取审计日志…</source>
        <translation>Reading the audit log from the center…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/admin/audit.py" line="95"/>
        <source>第 %1/%2 页，共 %n 条</source>
        <translation>
            <numerusform>Page %1/%2, %n entry</numerusform>
            <numerusform>Page %1/%2, %n entries</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit.py" line="36"/>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit.py" line="36"/>
        <source>，</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit.py" line="27"/>
        <source>修改自己的密码</source>
        <translation>Changed own password</translation>
    </message>
</context>
<context>
    <name>CallbackModel</name>
    <message>
        <location filename="../../ui/callbacks.py" line="45"/>
        <source>来电时间</source>
        <translation>Called at</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks.py" line="45"/>
        <source>号码</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks.py" line="45"/>
        <source>线路</source>
        <translation>Line</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks.py" line="45"/>
        <source>等待</source>
        <translation>Waited</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks.py" line="45"/>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks.py" line="46"/>
        <source>已回拨</source>
        <translation>Called back</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks.py" line="67"/>
        <source>%1 秒</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks.py" line="69"/>
        <source>振铃中挂断</source>
        <translation>Hung up while ringing</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks.py" line="69"/>
        <source>示忙未接</source>
        <translation>Refused (not ready)</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks.py" line="70"/>
        <source>无人接听</source>
        <translation>Not answered</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks.py" line="70"/>
        <source>座席中断</source>
        <translation>Seat stopped</translation>
    </message>
</context>
<context>
    <name>CallbackPanel</name>
    <message>
        <location filename="../../ui/callbacks.py" line="99"/>
        <source>回拨</source>
        <translation>Call back</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks.py" line="100"/>
        <source>已接通</source>
        <translation>Reached</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks.py" line="101"/>
        <source>未接通</source>
        <translation>Not reached</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks.py" line="102"/>
        <source>受理工单</source>
        <translation>New ticket</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks.py" line="103"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks.py" line="136"/>
        <source>正在回拨 %1…</source>
        <translation>Calling %1 back…</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks.py" line="144"/>
        <source>已通过话务系统回拨 %1，接通后请记录结果</source>
        <translation>Calling %1 back through the phone system; record the result once through</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks.py" line="146"/>
        <source>请拨打 %1</source>
        <translation>Dial %1</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks.py" line="150"/>
        <source>%1 请拨打 %2</source>
        <translation>%1 Please dial %2</translation>
    </message>
</context>
<context>
    <name>CallsModel</name>
    <message>
        <location filename="../../ui/reports/models.py" line="207"/>
        <source>合计</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../ui/reports/models.py" line="208"/>
        <source>座席 %1</source>
        <translation>Seat %1</translation>
    </message>
    <message>
        <location filename="../../ui/reports/models.py" line="208"/>
        <source>（未设）</source>
        <translation>(not set)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/models.py" line="210"/>
        <source>线路 %1</source>
        <translation>Line %1</translation>
    </message>
    <message>
        <location filename="../../ui/reports/models.py" line="210"/>
        <source>（未知）</source>
        <translation>(unknown)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/models.py" line="223"/>
        <source>范围</source>
        <translation>Scope</translation>
    </message>
    <message>
        <location filename="../../ui/reports/models.py" line="223"/>
        <source>呼入</source>
        <translation>Offered</translation>
    </message>
    <message>
        <location filename="../../ui/reports/models.py" line="223"/>
        <source>接通</source>
        <translation>Answered</translation>
    </message>
    <message>
        <location filename="../../ui/reports/models.py" line="223"/>
        <source>接通率</source>
        <translation>Answer rate</translation>
    </message>
    <message>
        <location filename="../../ui/reports/models.py" line="223"/>
        <source>15秒接通率</source>
        <translation>Answered in 15 s</translation>
    </message>
    <message>
        <location filename="../../ui/reports/models.py" line="224"/>
        <source>呼损</source>
        <translation>Abandoned</translation>
    </message>
    <message>
        <location filename="../../ui/reports/models.py" line="224"/>
        <source>平均等待（秒）</source>
        <translation>Avg wait (s)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/models.py" line="224"/>
        <source>平均通话（秒）</source>
        <translation>Avg talk (s)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/models.py" line="225"/>
        <source>话后整理（秒/通）</source>
        <translation>After-call work (s/call)</translation>
    </message>
</context>
<context>
    <name>CategoriesPage</name>
    <message>
        <location filename="../../ui/admin/reference_pages.py" line="145"/>
        <source>一级分类</source>
        <translation>Level 1 category</translation>
    </message>
    <message>
        <location filename="../../ui/admin/reference_pages.py" line="146"/>
        <source>二级分类</source>
        <translation>Level 2 category</translation>
    </message>
    <message>
        <location filename="../../ui/admin/reference_pages.py" line="147"/>
        <source>三级分类</source>
        <translation>Level 3 category</translation>
    </message>
    <message>
        <location filename="../../ui/admin/reference_pages.py" line="149"/>
        <source>新增分类…</source>
        <translation>Add category…</translation>
    </message>
    <message>
        <location filename="../../ui/admin/reference_pages.py" line="150"/>
        <source>删除…</source>
        <translation>Remove…</translation>
    </message>
    <message>
        <location filename="../../ui/admin/reference_pages.py" line="162"/>
        <source>已保存分类 %1。</source>
        <translation>Category %1 saved.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/admin/reference_pages.py" line="178"/>
        <source>删除分类“%1”及其下的 %n 项？已受理的工单保留原分类。</source>
        <translation>
            <numerusform>Remove category &quot;%1&quot; (%n entry including those under it)? Tickets already taken keep their category.</numerusform>
            <numerusform>Remove category &quot;%1&quot; (%n entries including those under it)? Tickets already taken keep their category.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/admin/reference_pages.py" line="179"/>
        <source>已删除分类 %1。</source>
        <translation>Category %1 removed.</translation>
    </message>
</context>
<context>
    <name>CategoryDialog</name>
    <message>
        <location filename="../../ui/admin/dialogs.py" line="220"/>
        <source>新增分类</source>
        <translation>New category</translation>
    </message>
    <message>
        <location filename="../../ui/admin/dialogs.py" line="222"/>
        <source>一级分类</source>
        <translation>Level 1 category</translation>
    </message>
    <message>
        <location filename="../../ui/admin/dialogs.py" line="222"/>
        <source>二级分类</source>
        <translation>Level 2 category</translation>
    </message>
    <message>
        <location filename="../../ui/admin/dialogs.py" line="222"/>
        <source>三级分类</source>
        <translation>Level 3 category</translation>
    </message>
    <message>
        <location filename="../../ui/admin/dialogs.py" line="225"/>
        <source>只填一级即新增一级分类；上级不存在时一并新增。</source>
        <translation>Fill in level 1 only to add a top-level category; missing parents are added too.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/dialogs.py" line="238"/>
        <source>请从一级分类起依次填写，中间不能空。</source>
        <translation>Fill in the levels in order from level 1, without gaps.</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../ui/password_dialog.py" line="32"/>
        <location filename="../../ui/password_dialog.py" line="52"/>
        <location filename="../../ui/password_dialog.py" line="85"/>
        <source>修改密码</source>
        <translation>Change password</translation>
    </message>
    <message>
        <location filename="../../ui/password_dialog.py" line="39"/>
        <source>至少 %1 个字符，不能是常见密码</source>
        <translation>At least %1 characters, not a common password</translation>
    </message>
    <message>
        <location filename="../../ui/password_dialog.py" line="40"/>
        <source>修改后，您在其他电脑上的登录会失效，需要用新密码重新登录；本机保持登录。</source>
        <translation>After the change your sign-ins on other computers end and need the new password; this seat stays signed in.</translation>
    </message>
    <message>
        <location filename="../../ui/password_dialog.py" line="47"/>
        <source>当前密码</source>
        <translation>Current password</translation>
    </message>
    <message>
        <location filename="../../ui/password_dialog.py" line="48"/>
        <source>新密码</source>
        <translation>New password</translation>
    </message>
    <message>
        <location filename="../../ui/password_dialog.py" line="49"/>
        <source>再次输入新密码</source>
        <translation>New password again</translation>
    </message>
    <message>
        <location filename="../../ui/password_dialog.py" line="66"/>
        <source>请输入当前密码。</source>
        <translation>Please enter your current password.</translation>
    </message>
    <message>
        <location filename="../../ui/password_dialog.py" line="71"/>
        <source>两次输入的新密码不一致。</source>
        <translation>The two new passwords differ.</translation>
    </message>
    <message>
        <location filename="../../ui/password_dialog.py" line="73"/>
        <source>新密码不能与当前密码相同。</source>
        <translation>The new password must differ from the current one.</translation>
    </message>
    <message>
        <location filename="../../ui/password_dialog.py" line="85"/>
        <source>正在修改…</source>
        <translation>Changing…</translation>
    </message>
</context>
<context>
    <name>Charts</name>
    <message>
        <location filename="../../ui/reports/charts.py" line="65"/>
        <location filename="../../ui/reports/charts.py" line="114"/>
        <source>无数据</source>
        <translation>No data</translation>
    </message>
    <message>
        <location filename="../../ui/reports/charts.py" line="70"/>
        <source>%1（%2）</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="39"/>
        <source>处理同步冲突 — 工单 %s</source>
        <translation>Resolve sync conflict — ticket %s</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="42"/>
        <source>工单 %1「%2」在本机修改后，中心也修改了它。下面列出两边不同的内容，请逐项选择保留哪一边；保存后结果会提交到中心。</source>
        <translation>Ticket %1 “%2” was changed on this seat and at the center as well. The fields that differ are listed below: choose which side to keep for each one; the result is sent to the center when you save.</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="53"/>
        <source>字段</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="53"/>
        <source>本机的内容</source>
        <translation>This seat</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="53"/>
        <source>中心的内容</source>
        <translation>Center</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="71"/>
        <source>两边可编辑的内容相同；保存后以中心的状态为准。</source>
        <translation>Both sides have the same editable content; saving takes the center&apos;s status.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/conflict_dialog.py" line="82"/>
        <source>本机对这张工单还做过 %n 项流转操作（如派单），它们不会提交；如仍需要，请在保存后重新操作。</source>
        <translation>
            <numerusform>This seat also made %n workflow step on this ticket (such as dispatching); it will not be sent. If it is still needed, do it again after saving.</numerusform>
            <numerusform>This seat also made %n workflow steps on this ticket (such as dispatching); they will not be sent. If they are still needed, do them again after saving.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="88"/>
        <source>全部保留本机</source>
        <translation>Keep all from this seat</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="89"/>
        <source>全部采用中心</source>
        <translation>Take all from the center</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="94"/>
        <source>保存选择</source>
        <translation>Save choices</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="95"/>
        <source>稍后处理</source>
        <translation>Later</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="125"/>
        <source>受理渠道</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="125"/>
        <source>诉求类型</source>
        <translation>Request type</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="126"/>
        <source>来电人</source>
        <translation>Caller</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="126"/>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="127"/>
        <source>匿名</source>
        <translation>Anonymous</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="127"/>
        <source>保密</source>
        <translation>Confidential</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="128"/>
        <source>一级分类</source>
        <translation>Category 1</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="128"/>
        <source>二级分类</source>
        <translation>Category 2</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="129"/>
        <source>三级分类</source>
        <translation>Category 3</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="129"/>
        <source>区县</source>
        <translation>District</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="130"/>
        <source>乡镇/街道</source>
        <translation>Town/subdistrict</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="130"/>
        <source>详细地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="130"/>
        <source>标题</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="131"/>
        <source>诉求内容</source>
        <translation>Request details</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="131"/>
        <source>紧急程度</source>
        <translation>Priority</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="132"/>
        <source>承办单位</source>
        <translation>Handling unit</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="132"/>
        <source>办理结果</source>
        <translation>Resolution</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="137"/>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="137"/>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="139"/>
        <source>（空）</source>
        <translation>(empty)</translation>
    </message>
</context>
<context>
    <name>CountsModel</name>
    <message>
        <location filename="../../ui/reports/models.py" line="47"/>
        <source>件数</source>
        <translation>Tickets</translation>
    </message>
    <message>
        <location filename="../../ui/reports/models.py" line="47"/>
        <source>占比</source>
        <translation>Share</translation>
    </message>
</context>
<context>
    <name>DraftBanner</name>
    <message>
        <location filename="../../ui/main_window.py" line="69"/>
        <source>恢复草稿</source>
        <translation>Restore draft</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="70"/>
        <source>丢弃</source>
        <translation>Discard</translation>
    </message>
</context>
<context>
    <name>HolidayDialog</name>
    <message>
        <location filename="../../ui/admin/dialogs.py" line="244"/>
        <source>新增节假日或调休上班日</source>
        <translation>New holiday or make-up working day</translation>
    </message>
    <message>
        <location filename="../../ui/admin/dialogs.py" line="248"/>
        <source>休（放假，不计入办理时限）</source>
        <translation>Day off (not counted in handling deadlines)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/dialogs.py" line="249"/>
        <source>班（调休上班，计入办理时限）</source>
        <translation>Make-up working day (counted in handling deadlines)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/dialogs.py" line="251"/>
        <source>如 国庆节、国庆调休</source>
        <translation>e.g. National Day, National Day make-up day</translation>
    </message>
    <message>
        <location filename="../../ui/admin/dialogs.py" line="252"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/admin/dialogs.py" line="253"/>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/admin/dialogs.py" line="254"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
</context>
<context>
    <name>HolidaysPage</name>
    <message>
        <location filename="../../ui/admin/reference_pages.py" line="185"/>
        <source>周一</source>
        <translation>Mon</translation>
    </message>
    <message>
        <location filename="../../ui/admin/reference_pages.py" line="185"/>
        <source>周二</source>
        <translation>Tue</translation>
    </message>
    <message>
        <location filename="../../ui/admin/reference_pages.py" line="185"/>
        <source>周三</source>
        <translation>Wed</translation>
    </message>
    <message>
        <location filename="../../ui/admin/reference_pages.py" line="185"/>
        <source>周四</source>
        <translation>Thu</translation>
    </message>
    <message>
        <location filename="../../ui/admin/reference_pages.py" line="185"/>
        <source>周五</source>
        <translation>Fri</translation>
    </message>
    <message>
        <location filename="../../ui/admin/reference_pages.py" line="186"/>
        <source>周六</source>
        <translation>Sat</translation>
    </message>
    <message>
        <location filename="../../ui/admin/reference_pages.py" line="186"/>
        <source>周日</source>
        <translation>Sun</translation>
    </message>
    <message>
        <location filename="../../ui/admin/reference_pages.py" line="188"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/admin/reference_pages.py" line="189"/>
        <source>星期</source>
        <translation>Weekday</translation>
    </message>
    <message>
        <location filename="../../ui/admin/reference_pages.py" line="190"/>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/admin/reference_pages.py" line="190"/>
        <source>休（放假）</source>
        <translation>Day off</translation>
    </message>
    <message>
        <location filename="../../ui/admin/reference_pages.py" line="190"/>
        <source>班（调休上班）</source>
        <translation>Make-up working day</translation>
    </message>
    <message>
        <location filename="../../ui/admin/reference_pages.py" line="191"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/admin/reference_pages.py" line="193"/>
        <source>新增…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <location filename="../../ui/admin/reference_pages.py" line="194"/>
        <source>删除…</source>
        <translation>Remove…</translation>
    </message>
    <message>
        <location filename="../../ui/admin/reference_pages.py" line="205"/>
        <source>已保存 %1；办理时限按新的日历计算。</source>
        <translation>%1 saved; handling deadlines follow the new calendar.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/reference_pages.py" line="215"/>
        <source>删除 %1 的安排？</source>
        <translation>Remove the entry for %1?</translation>
    </message>
    <message>
        <location filename="../../ui/admin/reference_pages.py" line="217"/>
        <source>已删除 %1 的安排。</source>
        <translation>Entry for %1 removed.</translation>
    </message>
</context>
<context>
    <name>HotspotsPanel</name>
    <message>
        <location filename="../../ui/reports/hotspots.py" line="129"/>
        <source>选择期间后自动分析。</source>
        <translation>Analysed as soon as a period is chosen.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/hotspots.py" line="138"/>
        <source>排名</source>
        <translation>Rank</translation>
    </message>
    <message>
        <location filename="../../ui/reports/hotspots.py" line="138"/>
        <source>热度</source>
        <translation>Heat</translation>
    </message>
    <message>
        <location filename="../../ui/reports/hotspots.py" line="138"/>
        <location filename="../../ui/reports/hotspots.py" line="147"/>
        <source>问题描述</source>
        <translation>Issue</translation>
    </message>
    <message>
        <location filename="../../ui/reports/hotspots.py" line="138"/>
        <source>地点/人群</source>
        <translation>Place / people</translation>
    </message>
    <message>
        <location filename="../../ui/reports/hotspots.py" line="139"/>
        <location filename="../../ui/reports/hotspots.py" line="147"/>
        <source>时间范围</source>
        <translation>Time range</translation>
    </message>
    <message>
        <location filename="../../ui/reports/hotspots.py" line="139"/>
        <location filename="../../ui/reports/hotspots.py" line="144"/>
        <location filename="../../ui/reports/hotspots.py" line="147"/>
        <source>件数</source>
        <translation>Tickets</translation>
    </message>
    <message>
        <location filename="../../ui/reports/hotspots.py" line="139"/>
        <location filename="../../ui/reports/hotspots.py" line="144"/>
        <source>来电人</source>
        <translation>Callers</translation>
    </message>
    <message>
        <location filename="../../ui/reports/hotspots.py" line="141"/>
        <source>时间</source>
        <translation>When</translation>
    </message>
    <message>
        <location filename="../../ui/reports/hotspots.py" line="141"/>
        <source>级别</source>
        <translation>Level</translation>
    </message>
    <message>
        <location filename="../../ui/reports/hotspots.py" line="141"/>
        <source>单元</source>
        <translation>Cell</translation>
    </message>
    <message>
        <location filename="../../ui/reports/hotspots.py" line="141"/>
        <source>来电人数</source>
        <translation>Callers</translation>
    </message>
    <message>
        <location filename="../../ui/reports/hotspots.py" line="141"/>
        <source>期望</source>
        <translation>Expected</translation>
    </message>
    <message>
        <location filename="../../ui/reports/hotspots.py" line="142"/>
        <source>倍数</source>
        <translation>Ratio</translation>
    </message>
    <message>
        <location filename="../../ui/reports/hotspots.py" line="144"/>
        <source>首次</source>
        <translation>First</translation>
    </message>
    <message>
        <location filename="../../ui/reports/hotspots.py" line="144"/>
        <source>最近</source>
        <translation>Last</translation>
    </message>
    <message>
        <location filename="../../ui/reports/hotspots.py" line="144"/>
        <source>涉及热点</source>
        <translation>Hot issues</translation>
    </message>
    <message>
        <location filename="../../ui/reports/hotspots.py" line="147"/>
        <source>未办结</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../ui/reports/hotspots.py" line="148"/>
        <source>不满意</source>
        <translation>Unsatisfied</translation>
    </message>
    <message>
        <location filename="../../ui/reports/hotspots.py" line="148"/>
        <source>重办</source>
        <translation>Reopened</translation>
    </message>
    <message>
        <location filename="../../ui/reports/hotspots.py" line="154"/>
        <source>热点问题</source>
        <translation>Hot issues</translation>
    </message>
    <message>
        <location filename="../../ui/reports/hotspots.py" line="155"/>
        <source>预警</source>
        <translation>Warnings</translation>
    </message>
    <message>
        <location filename="../../ui/reports/hotspots.py" line="156"/>
        <source>重复来电</source>
        <translation>Repeat callers</translation>
    </message>
    <message>
        <location filename="../../ui/reports/hotspots.py" line="157"/>
        <source>久拖未决</source>
        <translation>Long-running</translation>
    </message>
    <message>
        <location filename="../../ui/reports/hotspots.py" line="159"/>
        <source>选中一行，这里显示它的依据和工单。</source>
        <translation>Select a row to see its evidence and tickets here.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/hotspots.py" line="181"/>
        <source>正在分析 %1 的热点与预警…</source>
        <translation>Analysing hot issues and warnings of %1…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/hotspots.py" line="194"/>
        <source>读取工单 %v/%m</source>
        <translation>Reading tickets %v/%m</translation>
    </message>
    <message>
        <location filename="../../ui/reports/hotspots.py" line="197"/>
        <source>归并热点</source>
        <translation>Grouping</translation>
    </message>
    <message>
        <location filename="../../ui/reports/hotspots.py" line="197"/>
        <source>检测预警</source>
        <translation>Checking for surges</translation>
    </message>
    <message>
        <location filename="../../ui/reports/hotspots.py" line="197"/>
        <source>完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../ui/reports/hotspots.py" line="207"/>
        <source>热点分析失败：%1</source>
        <translation>Hot-issue analysis failed: %1</translation>
    </message>
    <message>
        <location filename="../../ui/reports/hotspots.py" line="215"/>
        <source>%1：分析工单 %2 件，归并出 %3 组（%4 件）；预警 %5 条，重复来电 %6 人，久拖未决 %7 组。</source>
        <translation>%1: %2 tickets analysed, %3 groups (%4 tickets); %5 warnings, %6 repeat callers, %7 long-running groups.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/hotspots.py" line="239"/>
        <source>预警（%1）</source>
        <translation>Warnings (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/hotspots.py" line="272"/>
        <source>热度 %1：%2</source>
        <translation>Heat %1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/reports/hotspots.py" line="273"/>
        <source>时间范围：%1；地点/人群：%2；未办结：%3</source>
        <translation>Time range: %1; place / people: %2; open: %3</translation>
    </message>
    <message>
        <location filename="../../ui/reports/hotspots.py" line="275"/>
        <source>工单（%1件）</source>
        <translation>Tickets (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/hotspots.py" line="285"/>
        <source>期间来电 %1 次，涉及热点 %2 个</source>
        <translation>%1 calls in the period, in %2 hot issues</translation>
    </message>
</context>
<context>
    <name>LiveView</name>
    <message>
        <location filename="../../ui/live_view.py" line="112"/>
        <source>座席实时状态</source>
        <translation>Seats live</translation>
    </message>
    <message>
        <location filename="../../ui/live_view.py" line="166"/>
        <source>座席 %1 个：示闲 %2，示忙 %3，小休 %4，话后整理 %5</source>
        <translation>%1 seats: %2 ready, %3 not ready, %4 on break, %5 in wrap-up</translation>
    </message>
    <message>
        <location filename="../../ui/live_view.py" line="169"/>
        <source>更新于 %1，每 5 秒刷新</source>
        <translation>Updated %1, refreshed every 5 seconds</translation>
    </message>
    <message>
        <location filename="../../ui/live_view.py" line="176"/>
        <source>未登录中心：请先登录（同步 → 登录中心…），再查看座席状态。</source>
        <translation>Not signed in to the center: log in (Sync → Log in to the center…) to see the seats.</translation>
    </message>
    <message>
        <location filename="../../ui/live_view.py" line="178"/>
        <source>只有班长和管理员能查看座席实时状态。</source>
        <translation>Only supervisors and administrators can see the seats live.</translation>
    </message>
    <message>
        <location filename="../../ui/live_view.py" line="180"/>
        <source>暂时连不上中心，稍后自动重试：%1</source>
        <translation>Cannot reach the center now; retrying shortly: %1</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../ui/login_dialog.py" line="30"/>
        <source>登录中心</source>
        <translation>Log in to the center</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="32"/>
        <source>登录已失效（中心不再接受本机的凭据），请重新登录；本机未同步的工单不受影响。</source>
        <translation>Your login has expired (the center no longer accepts this seat&apos;s credentials). Please log in again; tickets not yet synced are safe on this seat.</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="33"/>
        <source>登录中心服务器后，本机工单会自动同步到中心。</source>
        <translation>Once you log in to the center server, this seat&apos;s tickets sync with the center automatically.</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="41"/>
        <source>本机没有可用的系统密钥环：登录凭据只保存在本次运行的内存中，关闭程序后需要重新登录。</source>
        <translation>No system keyring is available: the login is kept in memory for this run only, and you will need to log in again after closing the program.</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="51"/>
        <source>服务器地址</source>
        <translation>Server address</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="52"/>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="53"/>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="56"/>
        <location filename="../../ui/login_dialog.py" line="80"/>
        <source>登录</source>
        <translation>Log in</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="73"/>
        <source>请填写服务器地址、用户名和密码。</source>
        <translation>Please enter the server address, user name and password.</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="80"/>
        <source>正在登录…</source>
        <translation>Logging in…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="118"/>
        <source>受理工单</source>
        <translation>Ticket intake</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="119"/>
        <location filename="../../ui/main_window.py" line="244"/>
        <source>工单队列</source>
        <translation>Ticket queue</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="121"/>
        <location filename="../../ui/main_window.py" line="329"/>
        <source>统计报表</source>
        <translation>Reports</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="132"/>
        <source>本机数据：%s</source>
        <translation>Local data: %s</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="514"/>
        <source>生成演示数据</source>
        <translation>Generate demo data</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="226"/>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="227"/>
        <source>受理新工单</source>
        <translation>New ticket</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="230"/>
        <source>导入工单…</source>
        <translation>Import tickets…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="232"/>
        <source>导出当前队列…</source>
        <translation>Export current queue…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="236"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="243"/>
        <source>查看(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="247"/>
        <source>搜索工单</source>
        <translation>Search tickets</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="253"/>
        <source>座席实时状态…</source>
        <translation>Seats live…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="257"/>
        <source>同步(&amp;S)</source>
        <translation>&amp;Sync</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="258"/>
        <source>立即同步</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="261"/>
        <source>登录中心…</source>
        <translation>Log in to the center…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="263"/>
        <source>退出登录</source>
        <translation>Log out</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="267"/>
        <source>处理同步冲突…</source>
        <translation>Resolve sync conflicts…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="269"/>
        <source>设置…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="286"/>
        <source>未登录中心：登录后显示您角色的工作视图</source>
        <translation>Not signed in: sign in to see your role&apos;s work queues</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="289"/>
        <source>%1（%2%3）</source>
        <translation>%1 (%2%3)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="301"/>
        <source>管理</source>
        <translation>Admin</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="363"/>
        <source>已保存 %s</source>
        <translation>Saved %s</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="434"/>
        <source>没有待处理的同步冲突。</source>
        <translation>No sync conflicts to resolve.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="460"/>
        <source>工单 %n 条</source>
        <translation>
            <numerusform>%n ticket</numerusform>
            <numerusform>%n tickets</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="500"/>
        <source>已保存，正在发送到中心</source>
        <translation>Saved; sending to the center</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="527"/>
        <source>正在生成演示数据…</source>
        <translation>Generating demo data…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="536"/>
        <source>操作未完成</source>
        <translation>Operation incomplete</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="537"/>
        <source>操作未完成：%s
已保存的工单不受影响，请稍后重试。</source>
        <translation>The operation did not complete: %s
Saved tickets are not affected. Please try again later.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="540"/>
        <location filename="../../ui/main_window.py" line="550"/>
        <source>导入工单</source>
        <translation>Import tickets</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="541"/>
        <source>表格 (*.xlsx *.csv)</source>
        <translation>Spreadsheets (*.xlsx *.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="548"/>
        <source>正在导入 %s …</source>
        <translation>Importing %s…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="583"/>
        <source>未识别的列（已忽略）：</source>
        <translation>Unrecognized columns (ignored): </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="584"/>
        <source>第%1行：</source>
        <translation>Row %1: </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="586"/>
        <source>……另有 %s 行出错</source>
        <translation>…and %s more rows with errors</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="587"/>
        <source>导入完成</source>
        <translation>Import finished</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="590"/>
        <source>导出当前队列</source>
        <translation>Export current queue</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="591"/>
        <source>Excel (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="604"/>
        <source>已导出 %1 条到 %2</source>
        <translation>Exported %1 tickets to %2</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="616"/>
        <source>（无标题）</source>
        <translation>(untitled)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="618"/>
        <source>发现上次未保存的工单草稿：“%1”。要恢复吗？</source>
        <translation>An unsaved ticket draft was found from last time: “%1”. Restore it?</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="651"/>
        <source>来电接入未启动：%s</source>
        <translation>Calls not connected: %s</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="647"/>
        <source>漏接回拨</source>
        <translation>Missed calls</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="590"/>
        <source>工单</source>
        <translation>tickets</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="176"/>
        <source>&lt;h2&gt;欢迎使用热线座席工作台&lt;/h2&gt;&lt;p&gt;本机还没有工单。所有工单先保存在本机，断网也不会丢失。&lt;/p&gt;&lt;p&gt;直接在下面的表单里受理第一张工单（&lt;b&gt;Ctrl+S&lt;/b&gt; 保存，&lt;b&gt;Ctrl+N&lt;/b&gt; 新建），或从“文件 → 导入工单”导入 Excel/CSV 表格，或先生成演示数据试一试（演示工单只留在本机，不会同步到中心）。&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Welcome to Hotline Desk&lt;/h2&gt;&lt;p&gt;There are no tickets on this computer yet. Every ticket is saved on this computer first, so nothing is lost if the network goes down.&lt;/p&gt;&lt;p&gt;Take your first ticket in the form below (&lt;b&gt;Ctrl+S&lt;/b&gt; saves, &lt;b&gt;Ctrl+N&lt;/b&gt; starts a new one), import an Excel/CSV spreadsheet with “File → Import tickets”, or generate demo data to try it out (demo tickets stay on this computer and are never sent to the center).&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="200"/>
        <location filename="../../ui/main_window.py" line="234"/>
        <source>生成演示数据…</source>
        <translation>Generate demo data…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="515"/>
        <source>将在本机生成 %n 条演示工单，用来熟悉受理、队列和报表。
演示工单只保存在本机，不会同步到中心，登录中心后也不会发送。</source>
        <translation>
            <numerusform>This creates %n demo ticket on this computer, to get to know capture, the queue and the reports.
Demo tickets stay on this computer: they are never sent to the center, not even after you sign in.</numerusform>
            <numerusform>This creates %n demo tickets on this computer, to get to know capture, the queue and the reports.
Demo tickets stay on this computer: they are never sent to the center, not even after you sign in.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="518"/>
        <source>生成</source>
        <translation>Generate</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="519"/>
        <source>不生成</source>
        <translation>Don&apos;t generate</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="531"/>
        <source>已生成 %s 条演示工单（只在本机）</source>
        <translation>Generated %s demo tickets (on this computer only)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="551"/>
        <source>正在导入 %1 …
已处理 %2 行</source>
        <translation>Importing %1 …
%2 rows done</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="565"/>
        <source>已取消导入</source>
        <translation>Import cancelled</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="566"/>
        <source>已停止导入：已处理的 %n 行已保存。再次导入同一文件只会补上其余各行，不会重复。</source>
        <translation>
            <numerusform>Import stopped: the %n row done is saved. Importing the same file again adds only the other rows, nothing twice.</numerusform>
            <numerusform>Import stopped: the %n rows done are saved. Importing the same file again adds only the other rows, nothing twice.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="341"/>
        <source>新建工单</source>
        <translation>New ticket</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="342"/>
        <source>表单里有还没保存的内容。
要放下它、新建一张工单吗？放下的内容留作草稿，下次启动时可以恢复。</source>
        <translation>The form holds typing that is not saved.
Leave it and start a new ticket? What you leave stays as a draft and can be restored at the next start.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="344"/>
        <source>新建</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="345"/>
        <source>继续填写</source>
        <translation>Keep typing</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="321"/>
        <source>座席 %1 · %2</source>
        <translation>Seat %1 · %2</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="322"/>
        <source>座席 %1</source>
        <translation>Seat %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="187"/>
        <source>您的姓名</source>
        <translation>Your name</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="192"/>
        <source>保存座席信息</source>
        <translation>Save seat details</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="196"/>
        <source>本座席编号</source>
        <translation>This seat&apos;s number</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="196"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="221"/>
        <source>已保存：座席 %1，%2</source>
        <translation>Saved: seat %1, %2</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="265"/>
        <source>修改密码…</source>
        <translation>Change password…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="407"/>
        <source>密码已修改；其他电脑上的登录已失效。</source>
        <translation>Password changed; sign-ins on other computers have ended.</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../ui/messages.py" line="70"/>
        <source>、</source>
        <translation>, </translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <location filename="../../ui/passphrase_dialog.py" line="25"/>
        <source>设置工单库口令</source>
        <translation>Set the ticket store passphrase</translation>
    </message>
    <message>
        <location filename="../../ui/passphrase_dialog.py" line="25"/>
        <source>打开工单库</source>
        <translation>Open the ticket store</translation>
    </message>
    <message>
        <location filename="../../ui/passphrase_dialog.py" line="33"/>
        <source>口令不正确，请重新输入。</source>
        <translation>Wrong passphrase. Please type it again.</translation>
    </message>
    <message>
        <location filename="../../ui/passphrase_dialog.py" line="38"/>
        <source>口令</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <location filename="../../ui/passphrase_dialog.py" line="40"/>
        <source>再输入一次</source>
        <translation>Type it again</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/passphrase_dialog.py" line="54"/>
        <source>口令至少要 %n 个字符。</source>
        <translation>
            <numerusform>The passphrase needs at least %n character.</numerusform>
            <numerusform>The passphrase needs at least %n characters.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/passphrase_dialog.py" line="56"/>
        <source>两次输入的口令不一致。</source>
        <translation>The two passphrases differ.</translation>
    </message>
    <message>
        <location filename="../../ui/passphrase_dialog.py" line="67"/>
        <source>无法打开本机工单库</source>
        <translation>Cannot open this seat&apos;s ticket store</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <location filename="../../ui/admin/dialogs.py" line="168"/>
        <source>重置密码：%1</source>
        <translation>Reset password: %1</translation>
    </message>
    <message>
        <location filename="../../ui/admin/dialogs.py" line="175"/>
        <source>新密码</source>
        <translation>New password</translation>
    </message>
    <message>
        <location filename="../../ui/admin/dialogs.py" line="176"/>
        <source>再次输入</source>
        <translation>Repeat</translation>
    </message>
    <message>
        <location filename="../../ui/admin/dialogs.py" line="177"/>
        <source>重置后该用户的登录全部失效，需用新密码重新登录。</source>
        <translation>All of this user&apos;s sessions end; they sign in again with the new password.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/dialogs.py" line="174"/>
        <source>至少 12 个字符，不能是常见密码</source>
        <translation>At least 12 characters, not a common password</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <location filename="../../ui/queue_model.py" line="132"/>
        <source>本地编号</source>
        <translation>Local no.</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="132"/>
        <source>受理时间</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="132"/>
        <source>渠道</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="132"/>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="133"/>
        <source>标题</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="133"/>
        <source>来电人</source>
        <translation>Caller</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="133"/>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="133"/>
        <source>分类</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="134"/>
        <source>区县</source>
        <translation>District</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="134"/>
        <source>紧急程度</source>
        <translation>Priority</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="134"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="134"/>
        <source>承办单位</source>
        <translation>Handling unit</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="135"/>
        <source>办理期限</source>
        <translation>Due date</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="162"/>
        <location filename="../../ui/queue_model.py" line="206"/>
        <source>查询失败：%s。请修改筛选条件后重试。</source>
        <translation>Query failed: %s. Change the filters and try again.</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="279"/>
        <source>与中心冲突，待处理</source>
        <translation>In conflict with the center: to be resolved</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="281"/>
        <source>被中心退回，打开查看原因</source>
        <translation>Sent back by the center: open it to see why</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="369"/>
        <source>督办%s</source>
        <translation>Escalated %s</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="371"/>
        <source>延期待批</source>
        <translation>Extension pending</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="373"/>
        <source>重办</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="128"/>
        <source>（保密）</source>
        <translation>(hidden)</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="135"/>
        <source>工单编号</source>
        <translation>Ticket no.</translation>
    </message>
</context>
<context>
    <name>QueueView</name>
    <message>
        <location filename="../../ui/queue_view.py" line="70"/>
        <source>搜索标题、诉求内容、地址、来电人（任意长度的词，空格分隔多个词）</source>
        <translation>Search subject, details, address, caller (any word length; separate words with spaces)</translation>
    </message>
    <message>
        <location filename="../../ui/queue_view.py" line="72"/>
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../ui/queue_view.py" line="73"/>
        <source>全部渠道</source>
        <translation>All channels</translation>
    </message>
    <message>
        <location filename="../../ui/queue_view.py" line="74"/>
        <source>全部类型</source>
        <translation>All types</translation>
    </message>
    <message>
        <location filename="../../ui/queue_view.py" line="75"/>
        <source>全部分类</source>
        <translation>All categories</translation>
    </message>
    <message>
        <location filename="../../ui/queue_view.py" line="76"/>
        <source>全部区县</source>
        <translation>All districts</translation>
    </message>
    <message>
        <location filename="../../ui/queue_view.py" line="77"/>
        <source>全部紧急程度</source>
        <translation>All priorities</translation>
    </message>
    <message>
        <location filename="../../ui/queue_view.py" line="79"/>
        <source>全部期限</source>
        <translation>Any due date</translation>
    </message>
    <message>
        <location filename="../../ui/queue_view.py" line="80"/>
        <source>已超期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../ui/queue_view.py" line="81"/>
        <source>即将到期</source>
        <translation>Due soon</translation>
    </message>
    <message>
        <location filename="../../ui/queue_view.py" line="83"/>
        <source>全部时间</source>
        <translation>Any time</translation>
    </message>
    <message>
        <location filename="../../ui/queue_view.py" line="83"/>
        <source>今天</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../ui/queue_view.py" line="84"/>
        <source>本周</source>
        <translation>This week</translation>
    </message>
    <message>
        <location filename="../../ui/queue_view.py" line="84"/>
        <source>日期范围</source>
        <translation>Date range</translation>
    </message>
    <message>
        <location filename="../../ui/queue_view.py" line="266"/>
        <source>全部工单</source>
        <translation>All tickets</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/queue_view.py" line="363"/>
        <source>共 %n 条</source>
        <translation>
            <numerusform>%n result</numerusform>
            <numerusform>%n results</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/queue_view.py" line="367"/>
        <source>正在统计…（已显示前 %n 条）</source>
        <translation>
            <numerusform>Counting… (showing the first %n)</numerusform>
            <numerusform>Counting… (showing the first %n)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/queue_view.py" line="126"/>
        <source>列…</source>
        <translation>Columns…</translation>
    </message>
    <message>
        <location filename="../../ui/queue_view.py" line="127"/>
        <source>选择显示哪些列（也可在表头上点右键）</source>
        <translation>Choose which columns show (or right-click the header)</translation>
    </message>
    <message>
        <location filename="../../ui/queue_view.py" line="211"/>
        <source>恢复默认列</source>
        <translation>Default columns</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/queue_view.py" line="330"/>
        <source>全部单位（%n）</source>
        <translation>
            <numerusform>All units (%n)</numerusform>
            <numerusform>All units (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/queue_view.py" line="336"/>
        <source> · 超期 %n</source>
        <translation>
            <numerusform> · %n overdue</numerusform>
            <numerusform> · %n overdue</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RatingPresets</name>
    <message>
        <location filename="../../app/reports/data.py" line="126"/>
        <source>响应30/解决35/满意35</source>
        <translation>Response 30 / Solution 35 / Satisfaction 35</translation>
    </message>
    <message>
        <location filename="../../app/reports/data.py" line="125"/>
        <source>五项20/30/30/10/10</source>
        <translation>Five rates 20/30/30/10/10</translation>
    </message>
    <message>
        <location filename="../../app/reports/data.py" line="127"/>
        <source>仅满意率</source>
        <translation>Satisfaction only</translation>
    </message>
</context>
<context>
    <name>RatingsModel</name>
    <message>
        <location filename="../../ui/reports/models.py" line="137"/>
        <source>排名</source>
        <translation>Rank</translation>
    </message>
    <message>
        <location filename="../../ui/reports/models.py" line="137"/>
        <source>承办单位</source>
        <translation>Handling unit</translation>
    </message>
    <message>
        <location filename="../../ui/reports/models.py" line="137"/>
        <source>工单数</source>
        <translation>Tickets</translation>
    </message>
    <message>
        <location filename="../../ui/reports/models.py" line="137"/>
        <source>综合得分</source>
        <translation>Score</translation>
    </message>
    <message>
        <location filename="../../ui/reports/models.py" line="138"/>
        <source>响应率</source>
        <translation>Response rate</translation>
    </message>
    <message>
        <location filename="../../ui/reports/models.py" line="138"/>
        <source>解决率</source>
        <translation>Resolution rate</translation>
    </message>
    <message>
        <location filename="../../ui/reports/models.py" line="138"/>
        <source>满意率</source>
        <translation>Satisfaction rate</translation>
    </message>
    <message>
        <location filename="../../ui/reports/models.py" line="138"/>
        <source>按时办结率</source>
        <translation>On-time completion</translation>
    </message>
    <message>
        <location filename="../../ui/reports/models.py" line="139"/>
        <source>退单率</source>
        <translation>Return rate</translation>
    </message>
    <message>
        <location filename="../../ui/reports/models.py" line="142"/>
        <source>工单数不足最低要求的单位不参加排名</source>
        <translation>Units with fewer tickets than the minimum are not ranked</translation>
    </message>
    <message>
        <location filename="../../ui/reports/models.py" line="142"/>
        <source>各项比率按权重加权，满分100</source>
        <translation>Weighted sum of the rates, out of 100</translation>
    </message>
    <message>
        <location filename="../../ui/reports/models.py" line="143"/>
        <source>派单后在时限内签收的工单 / 已派单工单</source>
        <translation>Tickets signed for within the limit after dispatch / dispatched tickets</translation>
    </message>
    <message>
        <location filename="../../ui/reports/models.py" line="144"/>
        <source>（解决 + 部分解决×0.5）/ 办结时说明解决情况的工单</source>
        <translation>(Resolved + partly resolved × 0.5) / tickets completed with a resolution status</translation>
    </message>
    <message>
        <location filename="../../ui/reports/models.py" line="145"/>
        <source>（满意 + 基本满意）/ 回访有评价的工单（未联系上不计）</source>
        <translation>(Satisfied + fairly satisfied) / callbacks with a rating (Unreachable not counted)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/models.py" line="146"/>
        <source>在办理时限内办结的工单 /（已办结 + 逾期未办结）</source>
        <translation>Tickets completed by the due date / (completed + overdue and open)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/models.py" line="147"/>
        <source>本单位退回的工单 / 派至本单位的工单；计分时按（1 − 退单率）</source>
        <translation>Tickets returned by the unit / tickets dispatched to it; scored as (1 − return rate)</translation>
    </message>
</context>
<context>
    <name>ReferencePage</name>
    <message>
        <location filename="../../ui/admin/reference_pages.py" line="37"/>
        <source>筛选（任意文字）</source>
        <translation>Filter (any text)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/reference_pages.py" line="47"/>
        <location filename="../../ui/admin/reference_pages.py" line="69"/>
        <location filename="../../ui/admin/reference_pages.py" line="74"/>
        <source>正在与中心同步…</source>
        <translation>Syncing with the center…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/admin/reference_pages.py" line="56"/>
        <source>共 %n 项。列表来自本机上次与中心同步的数据；点“刷新”先同步再显示。</source>
        <translation>
            <numerusform>%n entry, as of this seat&apos;s last sync with the center; &quot;Refresh&quot; syncs first.</numerusform>
            <numerusform>%n entries, as of this seat&apos;s last sync with the center; &quot;Refresh&quot; syncs first.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/admin/reference_pages.py" line="58"/>
        <source>本机还没有从中心收到这份列表：请登录中心并同步（F5）后点“刷新”。</source>
        <translation>This seat has not received this list from the center yet: sign in, sync (F5), then click &quot;Refresh&quot;.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/reference_pages.py" line="75"/>
        <source>同步没有完成，列表可能不是最新：%1</source>
        <translation>The sync did not finish; the list may be out of date: %1</translation>
    </message>
</context>
<context>
    <name>ReportsDashboard</name>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="111"/>
        <source>日报</source>
        <translation>Daily</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="111"/>
        <source>周报</source>
        <translation>Weekly</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="111"/>
        <source>月报</source>
        <translation>Monthly</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="111"/>
        <source>自定义</source>
        <translation>Custom</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="118"/>
        <source>上一期</source>
        <translation>Previous</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="119"/>
        <source>下一期</source>
        <translation>Next</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="120"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="121"/>
        <source>导出XLSX…</source>
        <translation>Export XLSX…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="122"/>
        <source>导出PDF…</source>
        <translation>Export PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="125"/>
        <source>报表类型</source>
        <translation>Report</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="127"/>
        <source>从</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="129"/>
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="157"/>
        <source>分类图显示前</source>
        <translation>Category chart: top</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="159"/>
        <source>项</source>
        <translation>categories</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="164"/>
        <location filename="../../ui/reports/dashboard.py" line="426"/>
        <location filename="../../ui/reports/dashboard.py" line="504"/>
        <source>受理渠道</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="164"/>
        <source>诉求类型</source>
        <translation>Request type</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="165"/>
        <source>问题分类</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="165"/>
        <source>区县</source>
        <translation>District</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="166"/>
        <source>承办单位</source>
        <translation>Handling unit</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="187"/>
        <source>自定义权重</source>
        <translation>Custom weights</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="191"/>
        <source>考核权重</source>
        <translation>Rating weights</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="193"/>
        <source>方案</source>
        <translation>Preset</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="195"/>
        <source>响应率（按时签收）</source>
        <translation>Response rate (signed for on time)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="195"/>
        <source>解决率</source>
        <translation>Resolution rate</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="196"/>
        <source>满意率</source>
        <translation>Satisfaction rate</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="196"/>
        <source>按时办结率</source>
        <translation>On-time completion</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="197"/>
        <source>退单率（扣分）</source>
        <translation>Return rate (deducted)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="204"/>
        <source> 小时</source>
        <translation> h</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="206"/>
        <source>签收时限</source>
        <translation>Sign-for limit</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="207"/>
        <source>参加排名最少工单数</source>
        <translation>Min. tickets to rank</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="216"/>
        <source>简报将在统计完成后生成，可在导出前修改。</source>
        <translation>The brief is generated when the figures are ready, and can be edited before export.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="218"/>
        <source>恢复自动生成的简报</source>
        <translation>Restore generated brief</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="250"/>
        <source>概览</source>
        <translation>Overview</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="252"/>
        <source>分项统计</source>
        <translation>Breakdown</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="253"/>
        <source>逾期与督办</source>
        <translation>Overdue and escalated</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="254"/>
        <source>单位考核</source>
        <translation>Unit ratings</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="255"/>
        <source>来电统计</source>
        <translation>Calls</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="256"/>
        <source>简报</source>
        <translation>Brief</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="339"/>
        <source>正在统计…</source>
        <translation>Computing…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/reports/dashboard.py" line="350"/>
        <source>统计用时 %n 毫秒</source>
        <translation>
            <numerusform>Computed in %n ms</numerusform>
            <numerusform>Computed in %n ms</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="384"/>
        <source>统计失败：%1</source>
        <translation>Computing failed: %1</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="392"/>
        <source>%1，有效事件 %2 件（受理 %3 件，其中合并/作废 %4 件）；逾期未办结 %5 件，督办 %6 件。</source>
        <translation>%1, %2 valid tickets (%3 received, of which %4 merged/voided); %5 overdue and open, %6 escalated.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="402"/>
        <source>逾期未办结工单（截至 %1，共 %2 件，列出 %3 件）</source>
        <translation>Overdue open tickets (as of %1, %2 in all, %3 listed)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="405"/>
        <source>督办工单（共 %1 件，列出 %2 件）</source>
        <translation>Escalated tickets (%1 in all, %2 listed)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="411"/>
        <source>%1：呼入 %2 通，接通 %3 通，接通率 %4，15秒接通率 %5，呼损 %6 通。</source>
        <translation>%1: %2 calls offered, %3 answered, answer rate %4, answered in 15 s %5, %6 abandoned.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="415"/>
        <source>本期本座席没有来电记录（来电接入见“设置”）。</source>
        <translation>This seat recorded no calls in the period (call intake: see Settings).</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="429"/>
        <source>问题分类（前%1项）</source>
        <translation>Categories (top %1)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="432"/>
        <location filename="../../ui/reports/dashboard.py" line="505"/>
        <source>每日有效事件</source>
        <translation>Valid tickets per day</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="471"/>
        <source>自动生成，可直接修改；导出时使用此处的文字。</source>
        <translation>Generated automatically, edit freely; exports use this text.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="475"/>
        <source>已修改：刷新或更换期间会重新生成。</source>
        <translation>Edited: refreshing or changing the period regenerates it.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="504"/>
        <source>问题分类（前10）</source>
        <translation>Categories (top 10)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="505"/>
        <source>承办单位考核排名</source>
        <translation>Handling unit ranking</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="506"/>
        <source>统计期间</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="506"/>
        <source>有效事件</source>
        <translation>Valid tickets</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="507"/>
        <source>逾期未办结</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="507"/>
        <source>督办</source>
        <translation>Escalated</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="508"/>
        <source>排名,承办单位,工单数,得分,响应率,解决率,满意率,按时办结率,退单率</source>
        <translation>Rank,Handling unit,Tickets,Score,Response,Resolution,Satisfied,On-time,Returns</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="516"/>
        <source>导出失败：%1</source>
        <translation>Export failed: %1</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="526"/>
        <source>导出XLSX</source>
        <translation>Export XLSX</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="527"/>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="532"/>
        <source>导出PDF</source>
        <translation>Export PDF</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="533"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF file (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="251"/>
        <source>热点与预警</source>
        <translation>Hot issues and warnings</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="365"/>
        <source>%1 %2 来电%3人（平常约%4件）</source>
        <translation>%1 %2: %3 callers (usually about %4)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="370"/>
        <source>预警 %1 条：%2。详见“热点与预警”。</source>
        <translation>%1 warnings: %2. See “Hot issues and warnings”.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="223"/>
        <source>简报按热线对外发布的格式，全文用中文撰写。</source>
        <translation>The brief is written wholly in Chinese, in the form the hotline publishes it.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="522"/>
        <source>12345报表</source>
        <translation>12345-report</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dashboard.py" line="513"/>
        <source>已导出：%1</source>
        <translation>Exported: %1</translation>
    </message>
</context>
<context>
    <name>RevealDialog</name>
    <message>
        <location filename="../../ui/lifecycle_dialogs.py" line="189"/>
        <source>查看完整号码</source>
        <translation>Show the full number</translation>
    </message>
    <message>
        <location filename="../../ui/lifecycle_dialogs.py" line="192"/>
        <source>回访需要</source>
        <translation>Needed for the callback</translation>
    </message>
    <message>
        <location filename="../../ui/lifecycle_dialogs.py" line="192"/>
        <source>核实信息</source>
        <translation>To verify details</translation>
    </message>
    <message>
        <location filename="../../ui/lifecycle_dialogs.py" line="192"/>
        <source>转办需要</source>
        <translation>Needed to transfer</translation>
    </message>
    <message>
        <location filename="../../ui/lifecycle_dialogs.py" line="193"/>
        <source>联系来电人补充材料</source>
        <translation>To ask the caller for documents</translation>
    </message>
    <message>
        <location filename="../../ui/lifecycle_dialogs.py" line="196"/>
        <source>必填：为什么要看完整号码</source>
        <translation>Required: why the full number is needed</translation>
    </message>
    <message>
        <location filename="../../ui/lifecycle_dialogs.py" line="199"/>
        <source>查看号码会记录在审计日志里（谁、何时、哪张工单、原因）。</source>
        <translation>Showing a number is recorded in the audit log (who, when, which ticket, why).</translation>
    </message>
    <message>
        <location filename="../../ui/lifecycle_dialogs.py" line="205"/>
        <source>原因(&amp;R)</source>
        <translation>&amp;Reason</translation>
    </message>
    <message>
        <location filename="../../ui/lifecycle_dialogs.py" line="217"/>
        <source>请写明查看号码的原因，例如“回访需要”。</source>
        <translation>Give the reason for showing the number, e.g. &quot;Needed for the callback&quot;.</translation>
    </message>
</context>
<context>
    <name>RoleViewModel</name>
    <message numerus="yes">
        <location filename="../../ui/role_views.py" line="82"/>
        <source>%1：%n 条</source>
        <translation>
            <numerusform>%1: %n ticket</numerusform>
            <numerusform>%1: %n tickets</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RoleViews</name>
    <message>
        <location filename="../../app/tickets/queues.py" line="45"/>
        <source>我今天受理的工单</source>
        <translation>My tickets today</translation>
    </message>
    <message>
        <location filename="../../app/tickets/queues.py" line="48"/>
        <source>待我回访</source>
        <translation>My callbacks</translation>
    </message>
    <message>
        <location filename="../../app/tickets/queues.py" line="51"/>
        <source>未联系上，待再次回访</source>
        <translation>Unreachable, call again</translation>
    </message>
    <message>
        <location filename="../../app/tickets/queues.py" line="57"/>
        <source>待派单</source>
        <translation>To dispatch</translation>
    </message>
    <message>
        <location filename="../../app/tickets/queues.py" line="59"/>
        <source>退单待改派</source>
        <translation>Returned, to reassign</translation>
    </message>
    <message>
        <location filename="../../app/tickets/queues.py" line="61"/>
        <source>延期申请待审批</source>
        <translation>Extension requests</translation>
    </message>
    <message>
        <location filename="../../app/tickets/queues.py" line="63"/>
        <source>疑似重复，待合并</source>
        <translation>Possible duplicates</translation>
    </message>
    <message>
        <location filename="../../app/tickets/queues.py" line="68"/>
        <source>待签收</source>
        <translation>To sign for</translation>
    </message>
    <message>
        <location filename="../../app/tickets/queues.py" line="70"/>
        <source>办理中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location filename="../../app/tickets/queues.py" line="72"/>
        <source>即将到期</source>
        <translation>Due soon</translation>
    </message>
    <message>
        <location filename="../../app/tickets/queues.py" line="74"/>
        <source>已超期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../app/tickets/queues.py" line="76"/>
        <source>协办</source>
        <translation>Assisting</translation>
    </message>
    <message>
        <location filename="../../app/tickets/queues.py" line="81"/>
        <source>超期工单</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../app/tickets/queues.py" line="83"/>
        <source>督办中</source>
        <translation>Escalated</translation>
    </message>
    <message>
        <location filename="../../app/tickets/queues.py" line="85"/>
        <source>待回访</source>
        <translation>Callbacks due</translation>
    </message>
    <message>
        <location filename="../../app/tickets/queues.py" line="87"/>
        <source>不满意 / 重办</source>
        <translation>Unsatisfied / reopened</translation>
    </message>
    <message>
        <location filename="../../app/tickets/queues.py" line="89"/>
        <source>延期申请</source>
        <translation>Extension requests</translation>
    </message>
    <message>
        <location filename="../../app/tickets/queues.py" line="92"/>
        <source>按承办单位</source>
        <translation>By handling unit</translation>
    </message>
    <message>
        <location filename="../../app/tickets/queues.py" line="96"/>
        <source>用户与角色</source>
        <translation>Users and roles</translation>
    </message>
    <message>
        <location filename="../../app/domain/roles.py" line="25"/>
        <location filename="../../app/tickets/queues.py" line="96"/>
        <source>承办单位</source>
        <translation>Handling unit</translation>
    </message>
    <message>
        <location filename="../../app/tickets/queues.py" line="97"/>
        <source>分类目录</source>
        <translation>Categories</translation>
    </message>
    <message>
        <location filename="../../app/tickets/queues.py" line="97"/>
        <source>节假日与调休</source>
        <translation>Holidays</translation>
    </message>
    <message>
        <location filename="../../app/tickets/queues.py" line="98"/>
        <source>审计日志</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <location filename="../../app/domain/roles.py" line="23"/>
        <source>座席员</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location filename="../../app/domain/roles.py" line="24"/>
        <source>派单员</source>
        <translation>Dispatcher</translation>
    </message>
    <message>
        <location filename="../../app/domain/roles.py" line="26"/>
        <source>班长/质检</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <location filename="../../app/domain/roles.py" line="27"/>
        <source>管理员</source>
        <translation>Administrator</translation>
    </message>
</context>
<context>
    <name>ScreenPop</name>
    <message>
        <location filename="../../ui/call_panel.py" line="112"/>
        <source>接听</source>
        <translation>Answer</translation>
    </message>
    <message>
        <location filename="../../ui/call_panel.py" line="120"/>
        <source>转%1</source>
        <translation>To %1</translation>
    </message>
    <message>
        <location filename="../../ui/call_panel.py" line="134"/>
        <source>来电 %1 → %2</source>
        <translation>Call %1 → %2</translation>
    </message>
    <message>
        <location filename="../../ui/call_panel.py" line="134"/>
        <source>未显示号码</source>
        <translation>Number withheld</translation>
    </message>
    <message>
        <location filename="../../ui/call_panel.py" line="151"/>
        <source>已等待 %1</source>
        <translation>Waiting %1</translation>
    </message>
    <message>
        <location filename="../../ui/call_panel.py" line="153"/>
        <source>通话 %1</source>
        <translation>Talking %1</translation>
    </message>
</context>
<context>
    <name>SeatsModel</name>
    <message>
        <location filename="../../ui/live_view.py" line="78"/>
        <source>座席</source>
        <translation>Seat</translation>
    </message>
    <message>
        <location filename="../../ui/live_view.py" line="78"/>
        <source>座席员</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location filename="../../ui/live_view.py" line="78"/>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../ui/live_view.py" line="78"/>
        <source>开始于</source>
        <translation>Since</translation>
    </message>
    <message>
        <location filename="../../ui/live_view.py" line="78"/>
        <source>持续</source>
        <translation>For</translation>
    </message>
    <message>
        <location filename="../../ui/live_view.py" line="79"/>
        <source>今日呼入</source>
        <translation>Offered today</translation>
    </message>
    <message>
        <location filename="../../ui/live_view.py" line="79"/>
        <source>今日接通</source>
        <translation>Answered today</translation>
    </message>
    <message>
        <location filename="../../ui/live_view.py" line="96"/>
        <source>示闲</source>
        <translation>Ready</translation>
    </message>
    <message>
        <location filename="../../ui/live_view.py" line="96"/>
        <source>示忙</source>
        <translation>Not ready</translation>
    </message>
    <message>
        <location filename="../../ui/live_view.py" line="97"/>
        <source>小休</source>
        <translation>Break</translation>
    </message>
    <message>
        <location filename="../../ui/live_view.py" line="97"/>
        <source>话后整理</source>
        <translation>Wrap-up</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <location filename="../../app/settings.py" line="19"/>
        <source>座席编号</source>
        <translation>Seat number</translation>
    </message>
    <message>
        <location filename="../../app/settings.py" line="20"/>
        <source>话务员姓名</source>
        <translation>Agent name</translation>
    </message>
    <message>
        <location filename="../../app/settings.py" line="21"/>
        <source>本地区号</source>
        <translation>Local area code</translation>
    </message>
    <message>
        <location filename="../../app/settings.py" line="22"/>
        <source>界面语言</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <location filename="../../app/settings.py" line="23"/>
        <source>草稿自动保存间隔（毫秒）</source>
        <translation>Draft autosave interval (ms)</translation>
    </message>
    <message>
        <location filename="../../app/settings.py" line="26"/>
        <source>各类诉求办理时限（工作日）</source>
        <translation>Due time per request type (working days)</translation>
    </message>
    <message>
        <location filename="../../app/settings.py" line="28"/>
        <source>自定义分类目录（CSV）</source>
        <translation>Custom category list (CSV)</translation>
    </message>
    <message>
        <location filename="../../app/settings.py" line="29"/>
        <source>中心服务器地址</source>
        <translation>Center server address</translation>
    </message>
    <message>
        <location filename="../../app/settings.py" line="30"/>
        <source>登录用户名</source>
        <translation>Sign-in user name</translation>
    </message>
    <message>
        <location filename="../../app/settings.py" line="31"/>
        <source>CA 证书文件（中心使用单位自签证书时）</source>
        <translation>CA certificate file (when the center uses a private certificate)</translation>
    </message>
    <message>
        <location filename="../../app/settings.py" line="35"/>
        <source>自动同步间隔（秒）</source>
        <translation>Automatic sync interval (seconds)</translation>
    </message>
    <message>
        <location filename="../../app/settings.py" line="37"/>
        <source>来电接入方式（sip / action_url，空为不接入）</source>
        <translation>Calls through (sip / action_url, empty for none)</translation>
    </message>
    <message>
        <location filename="../../app/settings.py" line="38"/>
        <source>SIP 监听地址（主机:端口）</source>
        <translation>SIP listen address (host:port)</translation>
    </message>
    <message>
        <location filename="../../app/settings.py" line="39"/>
        <source>本座席分机号</source>
        <translation>This seat&apos;s extension</translation>
    </message>
    <message>
        <location filename="../../app/settings.py" line="40"/>
        <source>话机事件（Action URL）监听地址</source>
        <translation>Desk phone events (Action URL) listen address</translation>
    </message>
    <message>
        <location filename="../../app/settings.py" line="41"/>
        <source>话机事件令牌（可空）</source>
        <translation>Desk phone event token (optional)</translation>
    </message>
    <message>
        <location filename="../../app/settings.py" line="44"/>
        <source>SIP 外呼交换机（主机:端口，空为来电所经交换机）</source>
        <translation>SIP switch for calls out (host:port; empty: the switch calls come through)</translation>
    </message>
    <message>
        <location filename="../../app/settings.py" line="45"/>
        <source>话机拨号网址（含 {number}，空为手工拨号）</source>
        <translation>Desk phone dial URL (with {number}; empty: dial by hand)</translation>
    </message>
    <message>
        <location filename="../../app/settings.py" line="46"/>
        <source>话后整理时限（秒），到时自动示闲</source>
        <translation>Wrap-up limit (s), then ready again</translation>
    </message>
    <message>
        <location filename="../../app/settings.py" line="49"/>
        <source>工单队列的列宽与显示的列</source>
        <translation>Queue column widths and shown columns</translation>
    </message>
    <message>
        <location filename="../../app/settings.py" line="34"/>
        <source>允许未加密连接（http）</source>
        <translation>Allow unencrypted connections (http)</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/settings_dialog.py" line="46"/>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="57"/>
        <source>留空则使用系统证书</source>
        <translation>Leave empty to use the system certificates</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="58"/>
        <source>选择…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="66"/>
        <source> 秒</source>
        <translation> s</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="72"/>
        <source>更换服务器地址后需要重新登录。</source>
        <translation>After changing the server address you need to log in again.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="92"/>
        <source>选择 CA 证书文件</source>
        <translation>Choose a CA certificate file</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="93"/>
        <source>证书 (*.pem *.crt);;所有文件 (*)</source>
        <translation>Certificates (*.pem *.crt);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="70"/>
        <source>只在封闭的内网中使用：http 不加密，密码、令牌和市民电话会以明文经过网络。本机地址（127.0.0.1）不需要勾选。</source>
        <translation>Only on a closed internal network: http is not encrypted, so passwords, tokens and callers&apos; numbers cross the network in clear. Not needed for this machine (127.0.0.1).</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <location filename="../../ui/vocabulary.py" line="26"/>
        <source>已受理</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../../ui/vocabulary.py" line="27"/>
        <source>已派单</source>
        <translation>Dispatched</translation>
    </message>
    <message>
        <location filename="../../ui/vocabulary.py" line="28"/>
        <source>已签收</source>
        <translation>Signed for</translation>
    </message>
    <message>
        <location filename="../../ui/vocabulary.py" line="29"/>
        <source>办理中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location filename="../../ui/vocabulary.py" line="30"/>
        <source>已办结</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location filename="../../ui/vocabulary.py" line="31"/>
        <source>已回访</source>
        <translation>Called back</translation>
    </message>
    <message>
        <location filename="../../ui/vocabulary.py" line="32"/>
        <source>已归档</source>
        <translation>Archived</translation>
    </message>
    <message>
        <location filename="../../ui/vocabulary.py" line="33"/>
        <source>已退单</source>
        <translation>Returned</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <location filename="../../ui/sync_controller.py" line="287"/>
        <source>用户名或密码不正确。</source>
        <translation>Wrong user name or password.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_controller.py" line="289"/>
        <source>登录失败次数过多，请稍后再试。</source>
        <translation>Too many failed logins; please try again later.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_controller.py" line="291"/>
        <source>连不上中心服务器，请检查服务器地址和网络。</source>
        <translation>Cannot reach the center server; please check the server address and the network.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_controller.py" line="293"/>
        <source>登录失败：%s</source>
        <translation>Login failed: %s</translation>
    </message>
    <message>
        <location filename="../../ui/sync_controller.py" line="304"/>
        <source>登录已失效，密码没有修改：请重新登录后再修改。</source>
        <translation>Your sign-in has expired and the password was not changed: sign in again, then change it.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_controller.py" line="308"/>
        <source>密码没有修改：%s</source>
        <translation>The password was not changed: %s</translation>
    </message>
</context>
<context>
    <name>SyncStatusBar</name>
    <message>
        <location filename="../../ui/sync_status.py" line="44"/>
        <source>⚠ 无系统密钥环</source>
        <translation>⚠ No system keyring</translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="47"/>
        <source>本机没有可用的系统密钥环，登录凭据只保存在本次运行的内存中；关闭程序后需要重新登录。</source>
        <translation>No system keyring is available: the login is kept in memory for this run only; you will need to log in again after closing the program.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="54"/>
        <location filename="../../ui/sync_status.py" line="104"/>
        <source>同步</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="55"/>
        <source>立即与中心同步（F5）</source>
        <translation>Sync with the center now (F5)</translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="68"/>
        <source>未设置中心服务器</source>
        <translation>No center server set</translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="69"/>
        <source>未登录中心</source>
        <translation>Not logged in</translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="70"/>
        <source>正在连接中心</source>
        <translation>Connecting</translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="71"/>
        <source>在线</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="72"/>
        <source>离线</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="73"/>
        <source>同步出错</source>
        <translation>Sync error</translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="77"/>
        <source>同步中…</source>
        <translation>Syncing…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/sync_status.py" line="81"/>
        <source>待同步 %n 条</source>
        <translation>
            <numerusform>%n to sync</numerusform>
            <numerusform>%n to sync</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="84"/>
        <source>尚未同步</source>
        <translation>Never synced</translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="87"/>
        <source>上次同步 %s</source>
        <translation>Last sync %s</translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="89"/>
        <source>工单已保存在本机，恢复网络后自动同步</source>
        <translation>Tickets are safe on this seat and sync when the network is back</translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="92"/>
        <source>同步未完成（详情见提示）</source>
        <translation>Sync incomplete (see tooltip)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/sync_status.py" line="99"/>
        <source>冲突 %n 张，点此处理</source>
        <translation>
            <numerusform>%n conflict: resolve</numerusform>
            <numerusform>%n conflicts: resolve</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/sync_status.py" line="101"/>
        <source>被退回 %n 张</source>
        <translation>
            <numerusform>%n sent back</numerusform>
            <numerusform>%n sent back</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="103"/>
        <source>登录…</source>
        <translation>Log in…</translation>
    </message>
</context>
<context>
    <name>TicketDetail</name>
    <message>
        <location filename="../../ui/ticket_detail.py" line="109"/>
        <source>工单 %s</source>
        <translation>Ticket %s</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_detail.py" line="113"/>
        <source>编号</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_detail.py" line="114"/>
        <source>受理时间</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_detail.py" line="115"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_detail.py" line="116"/>
        <source>渠道 / 类型 / 紧急程度</source>
        <translation>Channel / Type / Priority</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_detail.py" line="121"/>
        <source>查看完整号码…</source>
        <translation>Show full number…</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_detail.py" line="125"/>
        <source>您的角色不能查看这张工单来电人的完整号码。</source>
        <translation>Your role may not see this caller&apos;s full number.</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_detail.py" line="128"/>
        <source>来电人</source>
        <translation>Caller</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_detail.py" line="129"/>
        <source>分类</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_detail.py" line="131"/>
        <source>地点</source>
        <translation>Location</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_detail.py" line="133"/>
        <source>标题</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_detail.py" line="134"/>
        <source>诉求内容</source>
        <translation>Request details</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_detail.py" line="137"/>
        <source>（协办：%s）</source>
        <translation> (co-handling: %s)</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_detail.py" line="138"/>
        <source>承办单位</source>
        <translation>Handling unit</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_detail.py" line="140"/>
        <source>办理期限</source>
        <translation>Due date</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_detail.py" line="142"/>
        <source>延期申请</source>
        <translation>Extension request</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_detail.py" line="142"/>
        <source>申请延期到 %1，待审批：%2</source>
        <translation>Extension to %1 requested, awaiting a decision: %2</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_detail.py" line="145"/>
        <source>重办</source>
        <translation>Redo</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/ticket_detail.py" line="145"/>
        <source>已重办 %n 次</source>
        <translation>
            <numerusform>Redone %n time</numerusform>
            <numerusform>Redone %n times</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/ticket_detail.py" line="147"/>
        <source>合并</source>
        <translation>Merged</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_detail.py" line="147"/>
        <source>已合并到另一张工单（%s）</source>
        <translation>Merged into another ticket (%s)</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_detail.py" line="150"/>
        <source>办理结果</source>
        <translation>Resolution</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_detail.py" line="154"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_detail.py" line="154"/>
        <source>座席</source>
        <translation>Seat</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_detail.py" line="154"/>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_detail.py" line="154"/>
        <source>内容</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_detail.py" line="171"/>
        <location filename="../../ui/ticket_detail.py" line="434"/>
        <source>修改</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_detail.py" line="189"/>
        <source>督办（%s）：请优先办理，按督办意见的时限回复。</source>
        <translation>Escalated (%s): handle it first and answer within the escalation&apos;s time limit.</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_detail.py" line="202"/>
        <source>处理记录</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_detail.py" line="222"/>
        <source>回访话术（智能回访）</source>
        <translation>Callback script</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_detail.py" line="228"/>
        <source>记入“满意度”栏</source>
        <translation>Goes into &quot;Satisfaction&quot;</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_detail.py" line="229"/>
        <source>记入回访记录：是否联系上本人</source>
        <translation>Callback record: reached the caller?</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_detail.py" line="230"/>
        <source>记入回访记录：承办单位是否联系</source>
        <translation>Callback record: did the unit get in touch?</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_detail.py" line="231"/>
        <source>记入回访记录：是否解决</source>
        <translation>Callback record: solved?</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_detail.py" line="232"/>
        <source>记入回访记录：备注</source>
        <translation>Callback record: notes</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_detail.py" line="238"/>
        <source>可选答复：</source>
        <translation>Answers: </translation>
    </message>
    <message>
        <location filename="../../ui/ticket_detail.py" line="262"/>
        <source>&lt;b&gt;这张工单在本机和中心都被修改过（同步冲突）。&lt;/b&gt;请选择保留哪一边的内容，之后才能继续同步它的修改。</source>
        <translation>&lt;b&gt;This ticket was changed both on this seat and at the center (sync conflict).&lt;/b&gt; Choose which side to keep; its changes sync again after that.</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_detail.py" line="265"/>
        <source>&lt;b&gt;中心退回了这张工单的一项修改：&lt;/b&gt;%s</source>
        <translation>&lt;b&gt;The center sent back a change to this ticket:&lt;/b&gt; %s</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_detail.py" line="269"/>
        <source>被退回的修改涉及：%s</source>
        <translation>The change sent back concerned: %s</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_detail.py" line="273"/>
        <source>处理办法：工单已恢复为中心的内容。如仍需修改，点“修改”按上面的提示改正后保存，修改会重新提交到中心。</source>
        <translation>What to do: the ticket is back to the center&apos;s content. If the change is still needed, click “Edit”, correct it as noted above and save; the change is sent to the center again.</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_detail.py" line="276"/>
        <source>处理办法：点“修改”按上面的提示改正并保存，再打开本工单点“重新提交”，工单会作为新工单发往中心。</source>
        <translation>What to do: click “Edit”, correct the ticket as noted above and save, then open it again and click “Resubmit”; it is sent to the center as a new ticket.</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_detail.py" line="284"/>
        <source>处理冲突</source>
        <translation>Resolve conflict</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_detail.py" line="288"/>
        <source>重新提交</source>
        <translation>Resubmit</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_detail.py" line="292"/>
        <source>知道了</source>
        <translation>Got it</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_detail.py" line="312"/>
        <source>（保密工单，来电人信息不显示）</source>
        <translation>(Confidential ticket: caller details hidden)</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_detail.py" line="314"/>
        <source>匿名</source>
        <translation>Anonymous</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_detail.py" line="359"/>
        <source>这张工单还没有同步到中心。</source>
        <translation>This ticket has not reached the center yet.</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_detail.py" line="360"/>
        <source>暂时无法查看号码</source>
        <translation>Number not available now</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_detail.py" line="361"/>
        <source>%1
完整号码只在中心保存；连上中心后再点“查看完整号码”。</source>
        <translation>%1
The full number is kept only at the center; press &quot;Show full number&quot; again once connected.</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_detail.py" line="363"/>
        <location filename="../../ui/ticket_detail.py" line="365"/>
        <source>不能查看号码</source>
        <translation>Number not shown</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_detail.py" line="374"/>
        <source>派单(&amp;P)…</source>
        <translation>Dispatch (&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_detail.py" line="374"/>
        <source>签收(&amp;Q)</source>
        <translation>Sign for (&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_detail.py" line="375"/>
        <source>开始办理(&amp;B)</source>
        <translation>&amp;Begin work</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_detail.py" line="375"/>
        <source>退单(&amp;T)…</source>
        <translation>Return (&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_detail.py" line="376"/>
        <source>申请延期(&amp;Y)…</source>
        <translation>Request extension (&amp;Y)…</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_detail.py" line="377"/>
        <source>审批延期(&amp;Y)…</source>
        <translation>Decide extension (&amp;Y)…</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_detail.py" line="377"/>
        <source>办结(&amp;J)…</source>
        <translation>Complete (&amp;J)…</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_detail.py" line="378"/>
        <source>回访(&amp;H)…</source>
        <translation>Call back (&amp;H)…</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_detail.py" line="378"/>
        <source>重办(&amp;R)…</source>
        <translation>&amp;Reopen…</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_detail.py" line="379"/>
        <source>督办(&amp;D)…</source>
        <translation>Escalate (&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_detail.py" line="379"/>
        <source>合并(&amp;M)…</source>
        <translation>&amp;Merge…</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_detail.py" line="380"/>
        <source>归档(&amp;G)…</source>
        <translation>Archive (&amp;G)…</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_detail.py" line="387"/>
        <source>登录中心后，可以在这里派单、签收、办结、回访……</source>
        <translation>Sign in to the center to dispatch, sign for, complete, call back… from here.</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_detail.py" line="368"/>
        <source>这张工单已不在本机（可能已被中心删除）。</source>
        <translation>This ticket is no longer on this seat (the center may have deleted it).</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_detail.py" line="412"/>
        <source>找不到编号为“%s”的另一张工单；请核对编号（本地编号或正式编号）。</source>
        <translation>No other ticket numbered &quot;%s&quot;; check the number (local or official).</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_detail.py" line="426"/>
        <source>（延期审批中，计时暂停）</source>
        <translation> (extension pending: clock paused)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/ticket_detail.py" line="428"/>
        <source>剩 %n 个工作日</source>
        <translation>
            <numerusform>%n working day left</numerusform>
            <numerusform>%n working days left</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/ticket_detail.py" line="429"/>
        <source>超期 %n 个工作日</source>
        <translation>
            <numerusform>%n working day late</numerusform>
            <numerusform>%n working days late</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/ticket_detail.py" line="434"/>
        <source>受理</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_detail.py" line="434"/>
        <source>导入</source>
        <translation>Imported</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_detail.py" line="435"/>
        <source>关联</source>
        <translation>Link</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_detail.py" line="449"/>
        <source>已转%1（%2 经话务系统转接）</source>
        <translation>Transferred to %1 (%2, through the phone system)</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_detail.py" line="450"/>
        <source>已转%1（%2 座席确认转接）</source>
        <translation>Handed off to %1 (%2, confirmed by the agent)</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_detail.py" line="453"/>
        <source>关联已有工单：</source>
        <translation>Linked to earlier tickets: </translation>
    </message>
    <message>
        <location filename="../../ui/ticket_detail.py" line="435"/>
        <source>转接</source>
        <translation>Hand-off</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_detail.py" line="461"/>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../ui/ticket_detail.py" line="466"/>
        <source>%1（%2）</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_detail.py" line="443"/>
        <location filename="../../ui/ticket_detail.py" line="453"/>
        <location filename="../../ui/ticket_detail.py" line="462"/>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <location filename="../../ui/ticket_detail.py" line="444"/>
        <source>%1：%2 → %3</source>
        <translation>%1: %2 → %3</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_detail.py" line="178"/>
        <source>演示工单：只保存在本机，不会同步到中心。</source>
        <translation>Demo ticket: kept on this computer only, never sent to the center.</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_detail.py" line="435"/>
        <source>生成演示工单</source>
        <translation>Demo ticket generated</translation>
    </message>
</context>
<context>
    <name>TicketForm</name>
    <message>
        <location filename="../../ui/ticket_form.py" line="177"/>
        <location filename="../../ui/ticket_form.py" line="635"/>
        <source>13812345678 或 0370-3221234</source>
        <translation>13812345678 or 0370-3221234</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_form.py" line="178"/>
        <location filename="../../ui/ticket_form.py" line="583"/>
        <source>匿名</source>
        <translation>Anonymous</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_form.py" line="179"/>
        <source>保密</source>
        <translation>Confidential</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_form.py" line="183"/>
        <source>路名、小区、楼栋门牌或参照物</source>
        <translation>Street, residential compound, building/unit no. or landmark</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_form.py" line="185"/>
        <source>一句话概括诉求</source>
        <translation>The request in one sentence</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_form.py" line="188"/>
        <source>发生了什么、在哪里、持续多久、希望怎么解决</source>
        <translation>What happened, where, for how long, and what the caller wants done</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_form.py" line="196"/>
        <source>请选择</source>
        <translation>Select…</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_form.py" line="233"/>
        <source>受理渠道</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_form.py" line="234"/>
        <source>诉求类型</source>
        <translation>Request type</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_form.py" line="235"/>
        <source>紧急程度</source>
        <translation>Priority</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_form.py" line="236"/>
        <source>来电人</source>
        <translation>Caller</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_form.py" line="237"/>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_form.py" line="243"/>
        <source>一级分类</source>
        <translation>Category 1</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_form.py" line="244"/>
        <source>二级分类</source>
        <translation>Category 2</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_form.py" line="245"/>
        <source>三级分类</source>
        <translation>Category 3</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_form.py" line="246"/>
        <source>区县</source>
        <translation>District</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_form.py" line="247"/>
        <source>乡镇/街道</source>
        <translation>Town/subdistrict</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_form.py" line="248"/>
        <source>承办单位</source>
        <translation>Handling unit</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_form.py" line="249"/>
        <source>详细地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_form.py" line="250"/>
        <source>标题</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_form.py" line="251"/>
        <source>诉求内容</source>
        <translation>Request details</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_form.py" line="257"/>
        <source>新建 (Ctrl+N)</source>
        <translation>New (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_form.py" line="258"/>
        <source>保存 (Ctrl+S)</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_form.py" line="405"/>
        <source>举报件一律保密，保护举报人</source>
        <translation>Reports are always confidential, to protect the whistleblower</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_form.py" line="499"/>
        <source>草稿未能保存到本机（%s）。请检查磁盘空间；已输入的内容仍在表单中。</source>
        <translation>Could not save the draft on this computer (%s). Check the disk space; what you typed is still in the form.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/ticket_form.py" line="457"/>
        <location filename="../../ui/ticket_form.py" line="516"/>
        <source>还有 %n 处需要修改，见红字提示。</source>
        <translation>
            <numerusform>%n field needs fixing; see the notes in red.</numerusform>
            <numerusform>%n fields need fixing; see the notes in red.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/ticket_form.py" line="539"/>
        <source>未保存：</source>
        <translation>Not saved: </translation>
    </message>
    <message>
        <location filename="../../ui/ticket_form.py" line="545"/>
        <source>智能质检：</source>
        <translation>Quality check: </translation>
    </message>
    <message>
        <location filename="../../ui/ticket_form.py" line="546"/>
        <source> 确认无误请再按一次 Ctrl+S 保存。</source>
        <translation> If this is right, press Ctrl+S again to save.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/ticket_form.py" line="562"/>
        <source>保存时将与 %n 张已有工单关联。</source>
        <translation>
            <numerusform>Will be linked to %n earlier ticket when saved.</numerusform>
            <numerusform>Will be linked to %n earlier tickets when saved.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/ticket_form.py" line="586"/>
        <source>已保存工单 %1，来电 %2。</source>
        <translation>Saved ticket %1 (caller %2).</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_form.py" line="594"/>
        <source>未保存：请按红字提示修改。</source>
        <translation>Not saved: fix the fields marked in red.</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_form.py" line="597"/>
        <source>未保存：写入本机数据库失败（%s）。内容仍在表单和草稿中，请检查磁盘空间后再按 Ctrl+S。</source>
        <translation>Not saved: writing to the local database failed (%s). Your input is still in the form and the draft; check the disk space, then press Ctrl+S again.</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_form.py" line="627"/>
        <source>正在修改工单 %s</source>
        <translation>Editing ticket %s</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_form.py" line="645"/>
        <source>已恢复上次未保存的草稿。</source>
        <translation>Restored the unsaved draft from last time.</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_form.py" line="572"/>
        <source>保存时将在时间线记录：%s。</source>
        <translation>On saving, the timeline will record: %s.</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_form.py" line="545"/>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <location filename="../../ui/ticket_form.py" line="634"/>
        <source>不变（%s）；要更换请输入新号码</source>
        <translation>Unchanged (%s); type a new number to replace it</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_form.py" line="458"/>
        <source>已全部改好，按 Ctrl+S 保存。</source>
        <translation>All fixed; press Ctrl+S to save.</translation>
    </message>
</context>
<context>
    <name>TicketsModel</name>
    <message>
        <location filename="../../ui/reports/models.py" line="87"/>
        <source>工单编号</source>
        <translation>Ticket no.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/models.py" line="87"/>
        <source>标题</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location filename="../../ui/reports/models.py" line="87"/>
        <source>承办单位</source>
        <translation>Handling unit</translation>
    </message>
    <message>
        <location filename="../../ui/reports/models.py" line="87"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/reports/models.py" line="88"/>
        <source>受理时间</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../ui/reports/models.py" line="88"/>
        <source>办理时限</source>
        <translation>Due date</translation>
    </message>
    <message>
        <location filename="../../ui/reports/models.py" line="89"/>
        <source>督办次数</source>
        <translation>Escalations</translation>
    </message>
    <message>
        <location filename="../../ui/reports/models.py" line="89"/>
        <source>逾期天数</source>
        <translation>Days overdue</translation>
    </message>
    <message>
        <location filename="../../ui/reports/models.py" line="89"/>
        <source>督办说明</source>
        <translation>Escalation note</translation>
    </message>
</context>
<context>
    <name>UnitDialog</name>
    <message>
        <location filename="../../ui/admin/dialogs.py" line="196"/>
        <source>修改承办单位</source>
        <translation>Edit handling unit</translation>
    </message>
    <message>
        <location filename="../../ui/admin/dialogs.py" line="196"/>
        <source>新增承办单位</source>
        <translation>New handling unit</translation>
    </message>
    <message>
        <location filename="../../ui/admin/dialogs.py" line="204"/>
        <source>职责关键词，用顿号分隔，如 路灯、井盖</source>
        <translation>Duty keywords, separated by commas, e.g. street lights, manholes</translation>
    </message>
    <message>
        <location filename="../../ui/admin/dialogs.py" line="205"/>
        <source>单位名称</source>
        <translation>Unit name</translation>
    </message>
    <message>
        <location filename="../../ui/admin/dialogs.py" line="206"/>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/admin/dialogs.py" line="207"/>
        <source>区县</source>
        <translation>District</translation>
    </message>
    <message>
        <location filename="../../ui/admin/dialogs.py" line="208"/>
        <source>职责</source>
        <translation>Duties</translation>
    </message>
    <message>
        <location filename="../../ui/admin/dialogs.py" line="215"/>
        <source>请填写单位名称。</source>
        <translation>Fill in the unit&apos;s name.</translation>
    </message>
</context>
<context>
    <name>UnitsPage</name>
    <message>
        <location filename="../../ui/admin/reference_pages.py" line="96"/>
        <source>单位名称</source>
        <translation>Unit name</translation>
    </message>
    <message>
        <location filename="../../ui/admin/reference_pages.py" line="96"/>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/admin/reference_pages.py" line="97"/>
        <source>区县</source>
        <translation>District</translation>
    </message>
    <message>
        <location filename="../../ui/admin/reference_pages.py" line="97"/>
        <source>职责</source>
        <translation>Duties</translation>
    </message>
    <message>
        <location filename="../../ui/admin/reference_pages.py" line="99"/>
        <source>新增单位…</source>
        <translation>Add unit…</translation>
    </message>
    <message>
        <location filename="../../ui/admin/reference_pages.py" line="100"/>
        <source>修改…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <location filename="../../ui/admin/reference_pages.py" line="101"/>
        <source>删除…</source>
        <translation>Remove…</translation>
    </message>
    <message>
        <location filename="../../ui/admin/reference_pages.py" line="105"/>
        <source>单位不能直接改名（工单和账号按名称关联）：请新增新名称的单位，把账号改到新单位，再删除旧单位。</source>
        <translation>A unit cannot be renamed (tickets and accounts refer to it by name): add the unit under its new name, move the accounts to it, then remove the old one.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/reference_pages.py" line="127"/>
        <source>已保存承办单位 %1。</source>
        <translation>Handling unit %1 saved.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/reference_pages.py" line="136"/>
        <source>删除承办单位“%1”？已派给它的工单不受影响，但以后不能再派给它。</source>
        <translation>Remove handling unit &quot;%1&quot;? Tickets already dispatched to it stay as they are; no new ones can go to it.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/reference_pages.py" line="138"/>
        <source>已删除承办单位 %1。</source>
        <translation>Handling unit %1 removed.</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <location filename="../../ui/admin/dialogs.py" line="105"/>
        <source>修改账号</source>
        <translation>Edit account</translation>
    </message>
    <message>
        <location filename="../../ui/admin/dialogs.py" line="105"/>
        <source>新建账号</source>
        <translation>New account</translation>
    </message>
    <message>
        <location filename="../../ui/admin/dialogs.py" line="109"/>
        <source>英文字母、数字和 _ . -，如 zhang3</source>
        <translation>Letters, digits and _ . -, e.g. zhang3</translation>
    </message>
    <message>
        <location filename="../../ui/admin/dialogs.py" line="111"/>
        <source>如 张三</source>
        <translation>e.g. Zhang San</translation>
    </message>
    <message>
        <location filename="../../ui/admin/dialogs.py" line="116"/>
        <source>承办单位账号必须选择所属单位；其他角色不属于单位</source>
        <translation>A handling unit account needs its unit; other roles belong to no unit</translation>
    </message>
    <message>
        <location filename="../../ui/admin/dialogs.py" line="118"/>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../ui/admin/dialogs.py" line="119"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/admin/dialogs.py" line="120"/>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../ui/admin/dialogs.py" line="121"/>
        <source>所属单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../ui/admin/dialogs.py" line="124"/>
        <source>启用（停用后立即退出登录，不能再登录）</source>
        <translation>Active (a disabled user is signed out at once and cannot sign in)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/dialogs.py" line="129"/>
        <source>初始密码</source>
        <translation>Initial password</translation>
    </message>
    <message>
        <location filename="../../ui/admin/dialogs.py" line="130"/>
        <source>再次输入</source>
        <translation>Repeat</translation>
    </message>
    <message>
        <location filename="../../ui/admin/dialogs.py" line="134"/>
        <source>修改角色、单位或停用后，该用户需要重新登录。</source>
        <translation>After a change of role or unit, or disabling, the user has to sign in again.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/dialogs.py" line="128"/>
        <source>至少 12 个字符，不能是常见密码</source>
        <translation>At least 12 characters, not a common password</translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <location filename="../../ui/admin/users.py" line="21"/>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users.py" line="22"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users.py" line="23"/>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users.py" line="24"/>
        <source>所属单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users.py" line="25"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users.py" line="25"/>
        <source>启用中</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users.py" line="25"/>
        <source>已停用</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users.py" line="26"/>
        <source>创建时间</source>
        <translation>Created</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users.py" line="31"/>
        <source>新建账号…</source>
        <translation>New account…</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users.py" line="32"/>
        <source>修改…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users.py" line="33"/>
        <source>重置密码…</source>
        <translation>Reset password…</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users.py" line="34"/>
        <location filename="../../ui/admin/users.py" line="49"/>
        <source>停用</source>
        <translation>Disable</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users.py" line="49"/>
        <source>启用</source>
        <translation>Enable</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users.py" line="53"/>
        <source>正在从中心读取账号…</source>
        <translation>Reading the accounts from the center…</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users.py" line="81"/>
        <source>已新建账号 %1。</source>
        <translation>Account %1 created.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users.py" line="99"/>
        <source>已保存账号 %1 的修改。</source>
        <translation>Changes to account %1 saved.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users.py" line="115"/>
        <source>已重置 %1 的密码；请把新密码当面或电话告诉本人。</source>
        <translation>Password of %1 reset; tell the user in person or by phone.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users.py" line="123"/>
        <source>已启用 %1。</source>
        <translation>%1 enabled.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users.py" line="124"/>
        <source>已停用 %1，其登录已全部结束。</source>
        <translation>%1 disabled; all their sessions have ended.</translation>
    </message>
</context>
<context>
    <name>Vocabulary</name>
    <message>
        <location filename="../../app/domain/enums.py" line="10"/>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../app/domain/enums.py" line="11"/>
        <source>微信</source>
        <translation>WeChat</translation>
    </message>
    <message>
        <location filename="../../app/domain/enums.py" line="12"/>
        <source>微博</source>
        <translation>Weibo</translation>
    </message>
    <message>
        <location filename="../../app/domain/enums.py" line="13"/>
        <source>邮箱</source>
        <translation>Email</translation>
    </message>
    <message>
        <location filename="../../app/domain/enums.py" line="14"/>
        <source>网站</source>
        <translation>Website</translation>
    </message>
    <message>
        <location filename="../../app/domain/enums.py" line="15"/>
        <source>App</source>
        <translation>App</translation>
    </message>
    <message>
        <location filename="../../app/domain/enums.py" line="16"/>
        <source>有诉即办</source>
        <translation>Walk-in</translation>
    </message>
    <message>
        <location filename="../../app/domain/enums.py" line="17"/>
        <source>省平台</source>
        <translation>Provincial platform</translation>
    </message>
    <message>
        <location filename="../../app/domain/enums.py" line="18"/>
        <source>人民网留言板</source>
        <translation>People&apos;s Daily message board</translation>
    </message>
    <message>
        <location filename="../../app/domain/enums.py" line="22"/>
        <source>咨询</source>
        <translation>Inquiry</translation>
    </message>
    <message>
        <location filename="../../app/domain/enums.py" line="23"/>
        <source>求助</source>
        <translation>Help request</translation>
    </message>
    <message>
        <location filename="../../app/domain/enums.py" line="24"/>
        <source>投诉</source>
        <translation>Complaint</translation>
    </message>
    <message>
        <location filename="../../app/domain/enums.py" line="25"/>
        <source>举报</source>
        <translation>Report</translation>
    </message>
    <message>
        <location filename="../../app/domain/enums.py" line="26"/>
        <source>建议</source>
        <translation>Suggestion</translation>
    </message>
    <message>
        <location filename="../../app/domain/enums.py" line="27"/>
        <source>表扬</source>
        <translation>Praise</translation>
    </message>
    <message>
        <location filename="../../app/domain/enums.py" line="28"/>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../app/domain/enums.py" line="32"/>
        <source>一般</source>
        <translation>Normal</translation>
    </message>
    <message>
        <location filename="../../app/domain/enums.py" line="33"/>
        <source>紧急</source>
        <translation>Urgent</translation>
    </message>
    <message>
        <location filename="../../app/domain/enums.py" line="34"/>
        <source>特急</source>
        <translation>Critical</translation>
    </message>
    <message>
        <location filename="../../app/domain/enums.py" line="38"/>
        <source>受理</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../../app/domain/enums.py" line="39"/>
        <source>派单</source>
        <translation>Dispatched</translation>
    </message>
    <message>
        <location filename="../../app/domain/enums.py" line="40"/>
        <source>签收</source>
        <translation>Signed for</translation>
    </message>
    <message>
        <location filename="../../app/domain/enums.py" line="41"/>
        <source>办理</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location filename="../../app/domain/enums.py" line="42"/>
        <source>办结</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location filename="../../app/domain/enums.py" line="43"/>
        <source>回访</source>
        <translation>Called back</translation>
    </message>
    <message>
        <location filename="../../app/domain/enums.py" line="44"/>
        <source>归档</source>
        <translation>Archived</translation>
    </message>
    <message>
        <location filename="../../app/domain/enums.py" line="45"/>
        <source>退单</source>
        <translation>Returned</translation>
    </message>
    <message>
        <location filename="../../app/domain/enums.py" line="49"/>
        <source>满意</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <location filename="../../app/domain/enums.py" line="50"/>
        <source>基本满意</source>
        <translation>Fairly satisfied</translation>
    </message>
    <message>
        <location filename="../../app/domain/enums.py" line="51"/>
        <source>不满意</source>
        <translation>Unsatisfied</translation>
    </message>
    <message>
        <location filename="../../app/domain/enums.py" line="52"/>
        <source>未联系上</source>
        <translation>Unreachable</translation>
    </message>
    <message>
        <location filename="../../app/domain/rules.py" line="69"/>
        <source>解决</source>
        <translation>Solved</translation>
    </message>
    <message>
        <location filename="../../app/domain/rules.py" line="69"/>
        <source>部分解决</source>
        <translation>Partly solved</translation>
    </message>
    <message>
        <location filename="../../app/domain/rules.py" line="69"/>
        <source>未解决</source>
        <translation>Not solved</translation>
    </message>
    <message>
        <location filename="../../app/domain/rules.py" line="71"/>
        <source>一级</source>
        <translation>Level 1</translation>
    </message>
    <message>
        <location filename="../../app/domain/rules.py" line="71"/>
        <source>二级</source>
        <translation>Level 2</translation>
    </message>
    <message>
        <location filename="../../app/domain/rules.py" line="71"/>
        <source>三级</source>
        <translation>Level 3</translation>
    </message>
    <message>
        <location filename="../../app/domain/deadline.py" line="36"/>
        <source>正常</source>
        <translation>On time</translation>
    </message>
    <message>
        <location filename="../../app/domain/deadline.py" line="37"/>
        <source>即将到期</source>
        <translation>Due soon</translation>
    </message>
    <message>
        <location filename="../../app/domain/deadline.py" line="38"/>
        <source>已超期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../app/domain/deadline.py" line="39"/>
        <source>计时暂停</source>
        <translation>Clock paused</translation>
    </message>
    <message>
        <location filename="../../app/sync/protocol.py" line="16"/>
        <source>导出</source>
        <translation>Exported</translation>
    </message>
    <message>
        <location filename="../../app/sync/protocol.py" line="18"/>
        <source>查看号码</source>
        <translation>Number revealed</translation>
    </message>
</context>
<context>
    <name>WorkProgress</name>
    <message>
        <location filename="../../ui/work_progress.py" line="22"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/work_progress.py" line="47"/>
        <source>正在取消…（已处理 %n 条，当前这批写完后停止）</source>
        <translation>
            <numerusform>Cancelling… (%n row done; stops once the current batch is written)</numerusform>
            <numerusform>Cancelling… (%n rows done; stops once the current batch is written)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>_AdminForm</name>
    <message>
        <location filename="../../ui/admin/dialogs.py" line="52"/>
        <location filename="../../ui/admin/dialogs.py" line="81"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/admin/dialogs.py" line="76"/>
        <source>正在保存…</source>
        <translation>Saving…</translation>
    </message>
</context>
<context>
    <name>admin.bad_username</name>
    <message>
        <location filename="../../app/admin/client.py" line="28"/>
        <source>用户名只能用英文字母、数字和 _ . -，最长 64 个字符。</source>
        <translation>A user name uses only letters, digits and _ . -, at most 64 characters.</translation>
    </message>
</context>
<context>
    <name>admin.busy</name>
    <message>
        <location filename="../../app/admin/client.py" line="39"/>
        <source>中心服务器正忙（429）：请稍等一会儿再点“刷新”。</source>
        <translation>The center is busy (429): wait a moment, then click “Refresh”.</translation>
    </message>
</context>
<context>
    <name>admin.category_path</name>
    <message>
        <location filename="../../app/admin/client.py" line="49"/>
        <source>分类</source>
        <translation>Category</translation>
    </message>
</context>
<context>
    <name>admin.choose_role</name>
    <message>
        <location filename="../../app/admin/client.py" line="29"/>
        <source>请选择角色。</source>
        <translation>Choose a role.</translation>
    </message>
</context>
<context>
    <name>admin.detail_item</name>
    <message>
        <location filename="../../app/admin/client.py" line="34"/>
        <source>{name}：{value}</source>
        <translation>{name}: {value}</translation>
    </message>
</context>
<context>
    <name>admin.detail_pair</name>
    <message>
        <location filename="../../app/admin/client.py" line="35"/>
        <source>{name} {value}</source>
        <translation>{name} {value}</translation>
    </message>
</context>
<context>
    <name>admin.field.action</name>
    <message>
        <location filename="../../app/admin/client.py" line="76"/>
        <source>操作</source>
        <translation>Action</translation>
    </message>
</context>
<context>
    <name>admin.field.active</name>
    <message>
        <location filename="../../app/admin/client.py" line="58"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>admin.field.changes</name>
    <message>
        <location filename="../../app/admin/client.py" line="71"/>
        <source>修改</source>
        <translation>Changes</translation>
    </message>
</context>
<context>
    <name>admin.field.confidential</name>
    <message>
        <location filename="../../app/admin/client.py" line="69"/>
        <source>含保密工单</source>
        <translation>Includes confidential tickets</translation>
    </message>
</context>
<context>
    <name>admin.field.display_name</name>
    <message>
        <location filename="../../app/admin/client.py" line="54"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
</context>
<context>
    <name>admin.field.district</name>
    <message>
        <location filename="../../app/admin/client.py" line="60"/>
        <source>区县</source>
        <translation>District</translation>
    </message>
</context>
<context>
    <name>admin.field.duties</name>
    <message>
        <location filename="../../app/admin/client.py" line="61"/>
        <source>职责</source>
        <translation>Duties</translation>
    </message>
</context>
<context>
    <name>admin.field.filter</name>
    <message>
        <location filename="../../app/admin/client.py" line="68"/>
        <source>筛选条件</source>
        <translation>Filter</translation>
    </message>
</context>
<context>
    <name>admin.field.format</name>
    <message>
        <location filename="../../app/admin/client.py" line="67"/>
        <source>格式</source>
        <translation>Format</translation>
    </message>
</context>
<context>
    <name>admin.field.key</name>
    <message>
        <location filename="../../app/admin/client.py" line="65"/>
        <source>对象</source>
        <translation>Item</translation>
    </message>
</context>
<context>
    <name>admin.field.kind</name>
    <message>
        <location filename="../../app/admin/client.py" line="59"/>
        <source>类型</source>
        <translation>Type</translation>
    </message>
</context>
<context>
    <name>admin.field.name</name>
    <message>
        <location filename="../../app/admin/client.py" line="64"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
</context>
<context>
    <name>admin.field.page</name>
    <message>
        <location filename="../../app/admin/client.py" line="73"/>
        <source>页码</source>
        <translation>Page</translation>
    </message>
</context>
<context>
    <name>admin.field.password</name>
    <message>
        <location filename="../../app/admin/client.py" line="57"/>
        <source>密码</source>
        <translation>Password</translation>
    </message>
</context>
<context>
    <name>admin.field.path</name>
    <message>
        <location filename="../../app/admin/client.py" line="62"/>
        <source>请求路径</source>
        <translation>Request path</translation>
    </message>
</context>
<context>
    <name>admin.field.removed</name>
    <message>
        <location filename="../../app/admin/client.py" line="72"/>
        <source>删除条数</source>
        <translation>Rows removed</translation>
    </message>
</context>
<context>
    <name>admin.field.role</name>
    <message>
        <location filename="../../app/admin/client.py" line="55"/>
        <source>角色</source>
        <translation>Role</translation>
    </message>
</context>
<context>
    <name>admin.field.rows</name>
    <message>
        <location filename="../../app/admin/client.py" line="66"/>
        <source>行数</source>
        <translation>Rows</translation>
    </message>
</context>
<context>
    <name>admin.field.seat</name>
    <message>
        <location filename="../../app/admin/client.py" line="70"/>
        <source>座席</source>
        <translation>Seat</translation>
    </message>
</context>
<context>
    <name>admin.field.since</name>
    <message>
        <location filename="../../app/admin/client.py" line="74"/>
        <source>起始时间</source>
        <translation>From</translation>
    </message>
</context>
<context>
    <name>admin.field.ticket</name>
    <message>
        <location filename="../../app/admin/client.py" line="77"/>
        <source>工单</source>
        <translation>Ticket</translation>
    </message>
</context>
<context>
    <name>admin.field.type</name>
    <message>
        <location filename="../../app/admin/client.py" line="63"/>
        <source>类型</source>
        <translation>Type</translation>
    </message>
</context>
<context>
    <name>admin.field.unit</name>
    <message>
        <location filename="../../app/admin/client.py" line="56"/>
        <source>所属单位</source>
        <translation>Unit</translation>
    </message>
</context>
<context>
    <name>admin.field.until</name>
    <message>
        <location filename="../../app/admin/client.py" line="75"/>
        <source>截止时间</source>
        <translation>Until</translation>
    </message>
</context>
<context>
    <name>admin.field.username</name>
    <message>
        <location filename="../../app/admin/client.py" line="53"/>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
</context>
<context>
    <name>admin.forbidden</name>
    <message>
        <location filename="../../app/admin/client.py" line="42"/>
        <source>中心拒绝了这个操作：{detail}</source>
        <translation>The center refused this: {detail}</translation>
    </message>
</context>
<context>
    <name>admin.gone</name>
    <message>
        <location filename="../../app/admin/client.py" line="43"/>
        <source>{detail}请点“刷新”查看最新列表。</source>
        <translation>{detail} Click “Refresh” to see the current list.</translation>
    </message>
</context>
<context>
    <name>admin.invalid</name>
    <message>
        <location filename="../../app/admin/client.py" line="45"/>
        <source>填写的内容不符合中心的要求：请检查后重试。</source>
        <translation>The center does not accept what was entered: check it and try again.</translation>
    </message>
</context>
<context>
    <name>admin.invalid_fields</name>
    <message>
        <location filename="../../app/admin/client.py" line="46"/>
        <source>填写的内容不符合中心的要求（{fields}）：请检查后重试。</source>
        <translation>The center does not accept what was entered ({fields}): check it and try again.</translation>
    </message>
</context>
<context>
    <name>admin.no</name>
    <message>
        <location filename="../../app/admin/client.py" line="33"/>
        <source>否</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>admin.not_accepted</name>
    <message>
        <location filename="../../app/admin/client.py" line="44"/>
        <source>中心未接受这个修改：{detail}</source>
        <translation>The center did not accept this change: {detail}</translation>
    </message>
</context>
<context>
    <name>admin.not_done</name>
    <message>
        <location filename="../../app/admin/client.py" line="48"/>
        <source>操作没有完成：{detail}</source>
        <translation>It was not done: {detail}</translation>
    </message>
</context>
<context>
    <name>admin.not_signed_in</name>
    <message>
        <location filename="../../app/admin/client.py" line="27"/>
        <source>尚未登录中心：请通过“同步 → 登录中心…”用管理员账号登录后再试。</source>
        <translation>Not signed in to the center: sign in with an admin account through “Sync → Log in to the center…”, then try again.</translation>
    </message>
</context>
<context>
    <name>admin.offline</name>
    <message>
        <location filename="../../app/admin/client.py" line="40"/>
        <source>连不上中心服务器，这里的数据无法读取或修改：请检查网络，或在“同步 → 设置…”中核对服务器地址；恢复后点“刷新”。</source>
        <translation>The center cannot be reached, so nothing here can be read or changed: check the network, or the server address in “Sync → Settings…”; then click “Refresh”.</translation>
    </message>
</context>
<context>
    <name>admin.passwords_differ</name>
    <message>
        <location filename="../../app/admin/client.py" line="31"/>
        <source>两次输入的密码不一致。</source>
        <translation>The two passwords differ.</translation>
    </message>
</context>
<context>
    <name>admin.refused</name>
    <message>
        <location filename="../../app/admin/client.py" line="47"/>
        <source>中心拒绝了请求（{status}）：{detail}</source>
        <translation>The center refused the request ({status}): {detail}</translation>
    </message>
</context>
<context>
    <name>admin.server_error</name>
    <message>
        <location filename="../../app/admin/client.py" line="37"/>
        <source>中心服务器出错（{status}），这次修改没有生效：请稍后点“刷新”重试；如一直出错，请把出错时间告诉中心的运维人员。</source>
        <translation>The center had an error ({status}) and this change did not take effect: click “Refresh” later and try again; if it keeps failing, tell the center&apos;s operators when it happened.</translation>
    </message>
</context>
<context>
    <name>admin.signed_out</name>
    <message>
        <location filename="../../app/admin/client.py" line="36"/>
        <source>登录已失效：请通过“同步 → 登录中心…”重新登录，然后点“刷新”再试。</source>
        <translation>The sign-in has expired: sign in again through “Sync → Log in to the center…”, then click “Refresh”.</translation>
    </message>
</context>
<context>
    <name>admin.unit_needed</name>
    <message>
        <location filename="../../app/admin/client.py" line="30"/>
        <source>承办单位账号必须选择所属单位。</source>
        <translation>A handling unit account needs its unit.</translation>
    </message>
</context>
<context>
    <name>admin.yes</name>
    <message>
        <location filename="../../app/admin/client.py" line="32"/>
        <source>是</source>
        <translation>Yes</translation>
    </message>
</context>
<context>
    <name>assistant.history_cue</name>
    <message>
        <location filename="../../app/assistant/units.py" line="31"/>
        <source>以往说到“{cue}”的工单，{total} 件中 {n} 件由该单位办理。</source>
        <translation>Of {total} earlier tickets mentioning “{cue}”, {n} went to this unit.</translation>
    </message>
</context>
<context>
    <name>assistant.history_similar</name>
    <message>
        <location filename="../../app/assistant/units.py" line="30"/>
        <source>以往{where}的工单，{total} 件中 {n} 件由该单位办理。</source>
        <translation>Of {total} earlier tickets {where}, {n} went to this unit.</translation>
    </message>
</context>
<context>
    <name>assistant.in_category</name>
    <message>
        <location filename="../../app/assistant/units.py" line="29"/>
        <source>（{category}）</source>
        <translation>({category})</translation>
    </message>
</context>
<context>
    <name>assistant.in_category_district</name>
    <message>
        <location filename="../../app/assistant/units.py" line="28"/>
        <source>（{category}，{district}）</source>
        <translation>({category}, {district})</translation>
    </message>
</context>
<context>
    <name>assistant.keywords</name>
    <message>
        <location filename="../../app/assistant/category.py" line="70"/>
        <source>诉求里说到{cues}，这类说法在已确认的{category}工单中最常见。</source>
        <translation>The request mentions {cues}, words most common in confirmed {category} tickets.</translation>
    </message>
</context>
<context>
    <name>assistant.rule_category</name>
    <message>
        <location filename="../../app/assistant/units.py" line="26"/>
        <source>按职责，{category}类诉求由该单位办理。</source>
        <translation>By its duties, this unit handles {category} requests.</translation>
    </message>
</context>
<context>
    <name>assistant.rule_keywords</name>
    <message>
        <location filename="../../app/assistant/units.py" line="27"/>
        <source>诉求里说到{cues}，属于该单位的职责。</source>
        <translation>The request mentions {cues}, which is this unit&apos;s duty.</translation>
    </message>
</context>
<context>
    <name>assistant.text_features</name>
    <message>
        <location filename="../../app/assistant/category.py" line="71"/>
        <source>没有一个词特别突出，按整段诉求的用词，与已确认的{category}工单最接近。</source>
        <translation>No single word stands out; the request&apos;s wording as a whole is closest to confirmed {category} tickets.</translation>
    </message>
</context>
<context>
    <name>field.address</name>
    <message>
        <location filename="../../app/domain/ticket.py" line="54"/>
        <source>详细地址</source>
        <translation>Address</translation>
    </message>
</context>
<context>
    <name>field.anonymous</name>
    <message>
        <location filename="../../app/domain/ticket.py" line="47"/>
        <source>匿名</source>
        <translation>Anonymous</translation>
    </message>
</context>
<context>
    <name>field.caller_name</name>
    <message>
        <location filename="../../app/domain/ticket.py" line="45"/>
        <source>来电人</source>
        <translation>Caller</translation>
    </message>
</context>
<context>
    <name>field.caller_phone</name>
    <message>
        <location filename="../../app/domain/ticket.py" line="46"/>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
</context>
<context>
    <name>field.category1</name>
    <message>
        <location filename="../../app/domain/ticket.py" line="49"/>
        <source>一级分类</source>
        <translation>Category 1</translation>
    </message>
</context>
<context>
    <name>field.category2</name>
    <message>
        <location filename="../../app/domain/ticket.py" line="50"/>
        <source>二级分类</source>
        <translation>Category 2</translation>
    </message>
</context>
<context>
    <name>field.category3</name>
    <message>
        <location filename="../../app/domain/ticket.py" line="51"/>
        <source>三级分类</source>
        <translation>Category 3</translation>
    </message>
</context>
<context>
    <name>field.channel</name>
    <message>
        <location filename="../../app/domain/ticket.py" line="43"/>
        <source>受理渠道</source>
        <translation>Channel</translation>
    </message>
</context>
<context>
    <name>field.confidential</name>
    <message>
        <location filename="../../app/domain/ticket.py" line="48"/>
        <source>保密</source>
        <translation>Confidential</translation>
    </message>
</context>
<context>
    <name>field.description</name>
    <message>
        <location filename="../../app/domain/ticket.py" line="56"/>
        <source>诉求内容</source>
        <translation>Request details</translation>
    </message>
</context>
<context>
    <name>field.district</name>
    <message>
        <location filename="../../app/domain/ticket.py" line="52"/>
        <source>区县</source>
        <translation>District</translation>
    </message>
</context>
<context>
    <name>field.handling_unit</name>
    <message>
        <location filename="../../app/domain/ticket.py" line="58"/>
        <source>承办单位</source>
        <translation>Handling unit</translation>
    </message>
</context>
<context>
    <name>field.request_type</name>
    <message>
        <location filename="../../app/domain/ticket.py" line="44"/>
        <source>诉求类型</source>
        <translation>Request type</translation>
    </message>
</context>
<context>
    <name>field.result</name>
    <message>
        <location filename="../../app/domain/ticket.py" line="59"/>
        <source>办理结果</source>
        <translation>Resolution</translation>
    </message>
</context>
<context>
    <name>field.street</name>
    <message>
        <location filename="../../app/domain/ticket.py" line="53"/>
        <source>乡镇/街道</source>
        <translation>Town/subdistrict</translation>
    </message>
</context>
<context>
    <name>field.title</name>
    <message>
        <location filename="../../app/domain/ticket.py" line="55"/>
        <source>标题</source>
        <translation>Subject</translation>
    </message>
</context>
<context>
    <name>field.urgency</name>
    <message>
        <location filename="../../app/domain/ticket.py" line="57"/>
        <source>紧急程度</source>
        <translation>Priority</translation>
    </message>
</context>
<context>
    <name>keys.key_not_in_keyring</name>
    <message>
        <location filename="../../app/store/keys.py" line="54"/>
        <source>系统密钥环中没有本机工单库的密钥（可能换了系统用户、重装了系统，或密钥被删除）。{advice}</source>
        <translation>The system keyring has no key for this ticket store (another system user, a reinstalled system, or the key was deleted). {advice}</translation>
    </message>
</context>
<context>
    <name>keys.keyring_gone</name>
    <message>
        <location filename="../../app/store/keys.py" line="51"/>
        <source>本机工单库的密钥保存在系统密钥环中，但现在没有可用的密钥环（例如在没有桌面会话的终端里）。请在登录了桌面的同一用户下运行。</source>
        <translation>The ticket store&apos;s key is in the system keyring, but no keyring is available now (for example in a terminal without a desktop session). Run the program as the same user, logged in to the desktop.</translation>
    </message>
</context>
<context>
    <name>keys.keyring_refused</name>
    <message>
        <location filename="../../app/store/keys.py" line="53"/>
        <source>系统密钥环拒绝读取工单库的密钥（{error}）：请解锁密钥环后重试。</source>
        <translation>The system keyring refused to give the store&apos;s key ({error}): unlock the keyring and try again.</translation>
    </message>
</context>
<context>
    <name>keys.lost_key_advice</name>
    <message>
        <location filename="../../app/store/keys.py" line="45"/>
        <source>已同步到中心的工单都还在中心。请把数据目录 {data_dir} 改名保留，重新启动程序、登录并同步，座席会从中心取回全部工单；只有从未同步的工单和草稿留在旧目录里，找回密钥后仍可打开。</source>
        <translation>Every ticket synced to the center is still there. Rename the data folder {data_dir} to keep it, start the program again, log in and sync: the seat fetches all tickets from the center. Only tickets never synced and drafts stay in the old folder, and open again once the key is found.</translation>
    </message>
</context>
<context>
    <name>keys.no_key_file</name>
    <message>
        <location filename="../../app/store/keys.py" line="50"/>
        <source>本机工单库已加密，但数据目录中没有 {file}，找不到它的密钥。{advice}</source>
        <translation>The ticket store is encrypted, but the data folder has no {file}, so its key cannot be found. {advice}</translation>
    </message>
</context>
<context>
    <name>keys.no_keyring</name>
    <message>
        <location filename="../../app/store/keys.py" line="42"/>
        <source>本机没有可用的系统密钥环，无法替您保管工单库的密钥。工单库将用您设置的口令加密：每次启动都要输入，口令不会保存在任何地方，忘记口令就无法打开本机工单库（已同步到中心的工单不受影响，可重新同步）。</source>
        <translation>This computer has no system keyring to keep the ticket store&apos;s key for you. The store will be encrypted with a passphrase you set: you type it at every start, it is kept nowhere, and if you forget it the store on this computer cannot be opened (tickets already synced to the center are safe and can be synced again).</translation>
    </message>
</context>
<context>
    <name>keys.not_entered</name>
    <message>
        <location filename="../../app/store/keys.py" line="57"/>
        <source>没有输入口令，本机工单库没有打开。</source>
        <translation>No passphrase was entered; the ticket store was not opened.</translation>
    </message>
</context>
<context>
    <name>keys.short_passphrase</name>
    <message>
        <location filename="../../app/store/keys.py" line="58"/>
        <source>口令至少要 {length} 个字符。</source>
        <translation>A passphrase has at least {length} characters.</translation>
    </message>
</context>
<context>
    <name>keys.unknown_key_file</name>
    <message>
        <location filename="../../app/store/keys.py" line="49"/>
        <source>{path} 的内容无法识别：请从备份恢复这个文件。</source>
        <translation>The contents of {path} are not recognised: restore this file from a backup.</translation>
    </message>
</context>
<context>
    <name>keys.unreadable_key_file</name>
    <message>
        <location filename="../../app/store/keys.py" line="48"/>
        <source>无法读取 {path}（{error}）：请从备份恢复这个文件。</source>
        <translation>{path} cannot be read ({error}): restore this file from a backup.</translation>
    </message>
</context>
<context>
    <name>keys.wrong_passphrase</name>
    <message>
        <location filename="../../app/store/keys.py" line="56"/>
        <source>口令不正确，本机工单库没有打开，也没有任何改动。忘记口令时：{advice}</source>
        <translation>Wrong passphrase: the ticket store was not opened and nothing changed. If the passphrase is forgotten: {advice}</translation>
    </message>
</context>
<context>
    <name>lifecycle.not_from_status</name>
    <message>
        <location filename="../../app/domain/lifecycle.py" line="63"/>
        <source>工单当前状态为“{status}”，不能执行“{action}”；只有处于{allowed}状态的工单可以{action}。</source>
        <translation>The ticket is “{status}”, so “{action}” is not possible; only tickets that are {allowed} can take “{action}”.</translation>
    </message>
</context>
<context>
    <name>lifecycle.sign_in_first</name>
    <message>
        <location filename="../../app/tickets/lifecycle.py" line="103"/>
        <source>请先登录中心账号；登录后按您的角色办理工单。</source>
        <translation>Sign in to the center first; once signed in you work tickets as your role allows.</translation>
    </message>
</context>
<context>
    <name>passwords.blank</name>
    <message>
        <location filename="../../app/domain/passwords.py" line="22"/>
        <source>密码不能全是空格。</source>
        <translation>A password cannot be only spaces.</translation>
    </message>
</context>
<context>
    <name>passwords.common</name>
    <message>
        <location filename="../../app/domain/passwords.py" line="23"/>
        <source>这是常见密码，很容易被猜中：请换一个。</source>
        <translation>This is a common password and easy to guess: please choose another.</translation>
    </message>
</context>
<context>
    <name>passwords.guessable</name>
    <message>
        <location filename="../../app/domain/passwords.py" line="24"/>
        <source>这个密码很容易被猜中（常见密码、键盘上连着的键、重复的字符或用户名）：请换一个。</source>
        <translation>This password is easy to guess (a common password, a row of keys, repeated characters or the user name): please choose another.</translation>
    </message>
</context>
<context>
    <name>passwords.too_long</name>
    <message>
        <location filename="../../app/domain/passwords.py" line="21"/>
        <source>密码最多 {maximum} 个字符。</source>
        <translation>A password has at most {maximum} characters.</translation>
    </message>
</context>
<context>
    <name>passwords.too_short</name>
    <message>
        <location filename="../../app/domain/passwords.py" line="19"/>
        <source>密码至少 {minimum} 个字符（现在 {length} 个）：可以用几个词加数字组成一句好记的话。</source>
        <translation>A password needs at least {minimum} characters (this one has {length}): a few words and digits make a sentence you can remember.</translation>
    </message>
</context>
<context>
    <name>phone.bad_shape</name>
    <message>
        <location filename="../../app/domain/phone.py" line="20"/>
        <source>号码格式不对：手机号为11位（如13812345678），固定电话为区号加7～8位号码（如0370-3221234）。</source>
        <translation>The number has the wrong shape: a mobile number has 11 digits (such as 13812345678), a landline is an area code and 7 to 8 digits (such as 0370-3221234).</translation>
    </message>
</context>
<context>
    <name>phone.empty</name>
    <message>
        <location filename="../../app/domain/phone.py" line="16"/>
        <source>请填写联系电话；来电人不愿留号码时请勾选“匿名”。</source>
        <translation>Enter a phone number; if the caller will not give one, tick “Anonymous”.</translation>
    </message>
</context>
<context>
    <name>phone.mobile_extension</name>
    <message>
        <location filename="../../app/domain/phone.py" line="18"/>
        <source>手机号码不能带分机号，请删除“转”后面的部分。</source>
        <translation>A mobile number has no extension; delete the extension at its end (after “ext”, “x” or “#”).</translation>
    </message>
</context>
<context>
    <name>phone.mobile_length</name>
    <message>
        <location filename="../../app/domain/phone.py" line="19"/>
        <source>手机号码应为11位，当前为{length}位，请核对。</source>
        <translation>A mobile number has 11 digits, this one has {length}; please check it.</translation>
    </message>
</context>
<context>
    <name>phone.not_digits</name>
    <message>
        <location filename="../../app/domain/phone.py" line="17"/>
        <source>联系电话只能包含数字、空格和“-”，请检查是否有多余的文字。</source>
        <translation>A phone number holds only digits, spaces and “-”; check for stray text.</translation>
    </message>
</context>
<context>
    <name>quality.abusive_words</name>
    <message>
        <location filename="../../app/assistant/quality.py" line="42"/>
        <source>{field}含有不文明用语（{words}），请改为客观描述，如“来电人情绪激动”。</source>
        <translation>The {field} has abusive words ({words}); describe it neutrally, such as “the caller was agitated”.</translation>
    </message>
</context>
<context>
    <name>quality.address_needed</name>
    <message>
        <location filename="../../app/assistant/quality.py" line="33"/>
        <source>“{category}”类诉求需要具体地址（区、街道、小区或路段门牌），承办单位才能到现场处理。</source>
        <translation>A “{category}” request needs an exact address (district, street, estate or road and number) so the unit can go there.</translation>
    </message>
</context>
<context>
    <name>quality.category_doubt</name>
    <message>
        <location filename="../../app/assistant/quality.py" line="36"/>
        <source>所选分类“{chosen}”与内容不太相符，内容更像“{likely}”（{likely_share}，所选分类 {chosen_share}）；{why}。请核对。</source>
        <translation>The chosen category “{chosen}” does not fit the text well; it reads more like “{likely}” ({likely_share}, chosen {chosen_share}); {why}. Please check.</translation>
    </message>
</context>
<context>
    <name>quality.category_needed</name>
    <message>
        <location filename="../../app/assistant/quality.py" line="32"/>
        <source>请选择诉求分类。</source>
        <translation>Choose the request&apos;s category.</translation>
    </message>
</context>
<context>
    <name>quality.description_needed</name>
    <message>
        <location filename="../../app/assistant/quality.py" line="30"/>
        <source>请填写诉求内容：时间、地点、事情经过和来电人诉求。</source>
        <translation>Write the request details: when, where, what happened and what the caller wants.</translation>
    </message>
</context>
<context>
    <name>quality.id_in_confidential</name>
    <message>
        <location filename="../../app/assistant/quality.py" line="41"/>
        <source>保密工单的{field}中含有身份证号，请删除。</source>
        <translation>The {field} of a confidential ticket holds an ID card number; delete it.</translation>
    </message>
</context>
<context>
    <name>quality.name_in_confidential</name>
    <message>
        <location filename="../../app/assistant/quality.py" line="38"/>
        <source>保密工单的{field}中出现了来电人姓名“{name}”，请删除或改为“来电人”。</source>
        <translation>The {field} of a confidential ticket names the caller “{name}”; delete it or write “the caller”.</translation>
    </message>
</context>
<context>
    <name>quality.no_phone</name>
    <message>
        <location filename="../../app/assistant/quality.py" line="35"/>
        <source>未留联系电话，将无法回访；请确认来电人是否愿意留电话。</source>
        <translation>No phone number: nobody can call back; ask whether the caller will give one.</translation>
    </message>
</context>
<context>
    <name>quality.phone_in_confidential</name>
    <message>
        <location filename="../../app/assistant/quality.py" line="40"/>
        <source>保密工单的{field}中含有电话号码，请删除，号码只填在来电号码栏。</source>
        <translation>The {field} of a confidential ticket holds a phone number; delete it, the number goes only in the phone field.</translation>
    </message>
</context>
<context>
    <name>quality.sensitive_words</name>
    <message>
        <location filename="../../app/assistant/quality.py" line="43"/>
        <source>{field}涉及敏感信息（{words}），请确认是否必须记录，必要时设为保密工单。</source>
        <translation>The {field} touches sensitive information ({words}); make sure it must be recorded, and make the ticket confidential if needed.</translation>
    </message>
</context>
<context>
    <name>quality.short_description</name>
    <message>
        <location filename="../../app/assistant/quality.py" line="31"/>
        <source>诉求内容只有 {length} 个字，请补充时间、地点、经过和具体诉求。</source>
        <translation>The request details have only {length} characters; add when, where, what happened and what the caller wants.</translation>
    </message>
</context>
<context>
    <name>quality.title_needed</name>
    <message>
        <location filename="../../app/assistant/quality.py" line="28"/>
        <source>请填写标题，用一句话概括诉求（地点+事项）。</source>
        <translation>Enter a subject: the request in one line (place + matter).</translation>
    </message>
</context>
<context>
    <name>quality.vague_title</name>
    <message>
        <location filename="../../app/assistant/quality.py" line="29"/>
        <source>标题“{title}”过于笼统，请写明地点和具体事项，如“某小区路灯不亮”。</source>
        <translation>The subject “{title}” is too vague; name the place and the matter, such as “Street lamp out in X estate”.</translation>
    </message>
</context>
<context>
    <name>roles.action_denied</name>
    <message>
        <location filename="../../app/domain/roles.py" line="29"/>
        <source>{role}不能执行“{action}”；请联系{allowed}处理。</source>
        <translation>As {role} you cannot “{action}”; this is done by: {allowed}.</translation>
    </message>
</context>
<context>
    <name>rules.called_back_already</name>
    <message>
        <location filename="../../app/domain/rules.py" line="96"/>
        <source>这张工单已回访过；只有上次“未联系上”的工单可以再次回访。</source>
        <translation>This ticket has been called back; only a ticket whose last callback was “Unreachable” can be called back again.</translation>
    </message>
</context>
<context>
    <name>rules.choose_units</name>
    <message>
        <location filename="../../app/domain/rules.py" line="102"/>
        <source>请选择主办单位（可再加协办单位）后再派单。</source>
        <translation>Choose the lead unit (and any assisting units) before dispatching.</translation>
    </message>
</context>
<context>
    <name>rules.co_unit_cannot</name>
    <message>
        <location filename="../../app/domain/rules.py" line="92"/>
        <source>贵单位是这张工单的协办单位，只有主办单位{unit}可以{action}；请把协办意见交主办单位。</source>
        <translation>Your unit assists on this ticket; only the lead unit {unit} can “{action}”. Send your input to the lead unit.</translation>
    </message>
</context>
<context>
    <name>rules.deadline_not_date</name>
    <message>
        <location filename="../../app/domain/rules.py" line="106"/>
        <source>办理时限应为日期，如 2026-03-02。</source>
        <translation>The due date must be a date, such as 2026-03-02.</translation>
    </message>
</context>
<context>
    <name>rules.deadline_past</name>
    <message>
        <location filename="../../app/domain/rules.py" line="107"/>
        <source>办理时限{deadline}已过，请选择今天（{today}）或以后的日期。</source>
        <translation>The due date {deadline} has passed; choose today ({today}) or a later date.</translation>
    </message>
</context>
<context>
    <name>rules.decide_choose</name>
    <message>
        <location filename="../../app/domain/rules.py" line="114"/>
        <source>请选择同意或不同意延期。</source>
        <translation>Choose whether to approve the extension or not.</translation>
    </message>
</context>
<context>
    <name>rules.decide_reason</name>
    <message>
        <location filename="../../app/domain/rules.py" line="115"/>
        <source>不同意延期时请填写理由，承办单位会看到。</source>
        <translation>Give a reason when refusing an extension; the handling unit will see it.</translation>
    </message>
</context>
<context>
    <name>rules.direct_complete_only</name>
    <message>
        <location filename="../../app/domain/rules.py" line="90"/>
        <source>{role}只能直接办结刚受理的工单；已派单的工单请由{unit}办结。</source>
        <translation>As {role} you can complete only a ticket just taken in; a dispatched ticket is completed by {unit}.</translation>
    </message>
</context>
<context>
    <name>rules.escalation_note</name>
    <message>
        <location filename="../../app/domain/rules.py" line="121"/>
        <source>请填写督办意见（为什么督办、要求何时办结）。</source>
        <translation>Write the escalation note (why it is escalated, by when it must be completed).</translation>
    </message>
</context>
<context>
    <name>rules.extension_before_today</name>
    <message>
        <location filename="../../app/domain/rules.py" line="113"/>
        <source>申请的日期不能早于今天（{today}）。</source>
        <translation>The requested date cannot be before today ({today}).</translation>
    </message>
</context>
<context>
    <name>rules.extension_date</name>
    <message>
        <location filename="../../app/domain/rules.py" line="111"/>
        <source>请填写申请延至的日期。</source>
        <translation>Enter the date the extension is requested until.</translation>
    </message>
</context>
<context>
    <name>rules.extension_not_later</name>
    <message>
        <location filename="../../app/domain/rules.py" line="112"/>
        <source>申请的日期应晚于当前办理时限{deadline}。</source>
        <translation>The requested date must be after the current due date {deadline}.</translation>
    </message>
</context>
<context>
    <name>rules.extension_reason</name>
    <message>
        <location filename="../../app/domain/rules.py" line="110"/>
        <source>请填写延期理由（为什么不能按期办结、还需做什么）。</source>
        <translation>Give the reason for the extension (why it cannot be completed in time, what is left to do).</translation>
    </message>
</context>
<context>
    <name>rules.extension_waiting</name>
    <message>
        <location filename="../../app/domain/rules.py" line="100"/>
        <source>已有一项延期申请（延至{requested}）等待审批；请等派单员答复后再申请。</source>
        <translation>An extension request (until {requested}) is waiting for a decision; wait for the dispatcher&apos;s answer before asking again.</translation>
    </message>
</context>
<context>
    <name>rules.level_needed</name>
    <message>
        <location filename="../../app/domain/rules.py" line="120"/>
        <source>请选择督办级别：一级、二级或三级。</source>
        <translation>Choose the escalation level: Level 1, Level 2 or Level 3.</translation>
    </message>
</context>
<context>
    <name>rules.main_archived</name>
    <message>
        <location filename="../../app/domain/rules.py" line="126"/>
        <source>主工单{number}已归档；请选择仍在办理的主工单，或另行派单。</source>
        <translation>The main ticket {number} is archived; choose a main ticket still being worked, or dispatch this one.</translation>
    </message>
</context>
<context>
    <name>rules.main_is_self</name>
    <message>
        <location filename="../../app/domain/rules.py" line="123"/>
        <source>不能把工单合并到它自己；请选择另一张主工单。</source>
        <translation>A ticket cannot be merged into itself; choose another main ticket.</translation>
    </message>
</context>
<context>
    <name>rules.main_merged</name>
    <message>
        <location filename="../../app/domain/rules.py" line="125"/>
        <source>主工单{number}本身已合并到其他工单；请合并到最终的主工单。</source>
        <translation>The main ticket {number} is itself merged into another; merge into the final main ticket.</translation>
    </message>
</context>
<context>
    <name>rules.main_missing</name>
    <message>
        <location filename="../../app/domain/rules.py" line="124"/>
        <source>找不到主工单；请先同步，或核对主工单编号。</source>
        <translation>The main ticket cannot be found; sync first, or check its number.</translation>
    </message>
</context>
<context>
    <name>rules.main_needed</name>
    <message>
        <location filename="../../app/domain/rules.py" line="122"/>
        <source>请选择要合并到的主工单。</source>
        <translation>Choose the main ticket to merge into.</translation>
    </message>
</context>
<context>
    <name>rules.merged</name>
    <message>
        <location filename="../../app/domain/rules.py" line="87"/>
        <source>这张工单已合并到主工单，不能再{action}；请在主工单上办理。</source>
        <translation>This ticket is merged into its main ticket and cannot “{action}” any more; work on the main ticket.</translation>
    </message>
</context>
<context>
    <name>rules.no_extension_waiting</name>
    <message>
        <location filename="../../app/domain/rules.py" line="99"/>
        <source>这张工单没有待审批的延期申请。</source>
        <translation>This ticket has no extension request waiting for a decision.</translation>
    </message>
</context>
<context>
    <name>rules.other_unit_cannot</name>
    <message>
        <location filename="../../app/domain/rules.py" line="94"/>
        <source>这张工单由{unit}主办，您所在单位不能{action}；如派错了单位，请联系派单员。</source>
        <translation>This ticket is led by {unit}; your unit cannot “{action}”. If it went to the wrong unit, contact the dispatcher.</translation>
    </message>
</context>
<context>
    <name>rules.reopen_reason</name>
    <message>
        <location filename="../../app/domain/rules.py" line="119"/>
        <source>请填写重办理由（来电人哪里不满意、需要再做什么）。</source>
        <translation>Give the reason for reopening (what the caller is unhappy with, what must be done again).</translation>
    </message>
</context>
<context>
    <name>rules.result_needed</name>
    <message>
        <location filename="../../app/domain/rules.py" line="116"/>
        <source>请填写办理结果：做了什么、结果如何、是否已告知来电人。</source>
        <translation>Write the resolution: what was done, what came of it, whether the caller was told.</translation>
    </message>
</context>
<context>
    <name>rules.return_origin_reason</name>
    <message>
        <location filename="../../app/domain/rules.py" line="264"/>
        <source>请填写退回理由（例如不属于本地事权、应由哪一级办理），上级平台据此改派。</source>
        <translation>Give the reason for sending it back (e.g. not a local matter, which level should handle it); the parent platform routes it again by it.</translation>
    </message>
</context>
<context>
    <name>rules.return_origin_status</name>
    <message>
        <location filename="../../app/domain/rules.py" line="262"/>
        <source>工单当前状态为“{status}”，只有尚未派单（受理或退单）的工单可以退回上级平台。</source>
        <translation>The ticket is “{status}”; only tickets not yet dispatched (Accepted or Returned) can be sent back to the parent platform.</translation>
    </message>
</context>
<context>
    <name>rules.return_reason</name>
    <message>
        <location filename="../../app/domain/rules.py" line="108"/>
        <source>请填写退单理由（例如不属于本单位职责、应由哪个单位办理），派单员据此改派。</source>
        <translation>Give the reason for returning it (for example not your unit&apos;s duty, which unit should handle it); the dispatcher reroutes by it.</translation>
    </message>
</context>
<context>
    <name>rules.satisfaction_needed</name>
    <message>
        <location filename="../../app/domain/rules.py" line="118"/>
        <source>请选择回访结果：满意、基本满意、不满意或未联系上。</source>
        <translation>Choose the callback result: Satisfied, Fairly satisfied, Unsatisfied or Unreachable.</translation>
    </message>
</context>
<context>
    <name>rules.solved_needed</name>
    <message>
        <location filename="../../app/domain/rules.py" line="117"/>
        <source>请选择问题是否解决：解决、部分解决或未解决。</source>
        <translation>Choose whether the problem is solved: Solved, Partly solved or Not solved.</translation>
    </message>
</context>
<context>
    <name>rules.transfer_merged</name>
    <message>
        <location filename="../../app/domain/rules.py" line="246"/>
        <source>这张工单已合并到主工单，不能转办；请在主工单上办理。</source>
        <translation>This ticket was merged into a main ticket and cannot be transferred; work on the main ticket.</translation>
    </message>
</context>
<context>
    <name>rules.transfer_role</name>
    <message>
        <location filename="../../app/domain/rules.py" line="245"/>
        <source>{role}不能转办工单；请由派单员转办。</source>
        <translation>A {role} cannot transfer tickets to another platform; ask a dispatcher.</translation>
    </message>
</context>
<context>
    <name>rules.transfer_status</name>
    <message>
        <location filename="../../app/domain/rules.py" line="247"/>
        <source>工单当前状态为“{status}”，只有受理或退单状态的工单可以转办。</source>
        <translation>The ticket is “{status}”; only tickets that are Accepted or Returned can be transferred to another platform.</translation>
    </message>
</context>
<context>
    <name>rules.unit_completes_own</name>
    <message>
        <location filename="../../app/domain/rules.py" line="88"/>
        <source>承办单位只能办结已派给本单位并签收的工单；请先由派单员派单。</source>
        <translation>A handling unit can complete only tickets dispatched to it and signed for; have a dispatcher dispatch it first.</translation>
    </message>
</context>
<context>
    <name>rules.unit_named</name>
    <message>
        <location filename="../../app/domain/rules.py" line="85"/>
        <source>“{unit}”</source>
        <translation>“{unit}”</translation>
    </message>
</context>
<context>
    <name>rules.unit_unnamed</name>
    <message>
        <location filename="../../app/domain/rules.py" line="86"/>
        <source>派单时指定的单位</source>
        <translation>the unit named at dispatch</translation>
    </message>
</context>
<context>
    <name>rules.unknown_units</name>
    <message>
        <location filename="../../app/domain/rules.py" line="103"/>
        <source>“{units}”不在承办单位名录中，请从列表中选择；名录由管理员维护。</source>
        <translation>“{units}” is not in the list of handling units; choose from the list (the admin keeps it).</translation>
    </message>
</context>
<context>
    <name>rules.unknown_units_close</name>
    <message>
        <location filename="../../app/domain/rules.py" line="104"/>
        <source>“{units}”不在承办单位名录中，是否是“{close}”？名录由管理员维护。</source>
        <translation>“{units}” is not in the directory of handling units; did you mean “{close}”? The admin keeps the directory.</translation>
    </message>
</context>
<context>
    <name>rules.unsatisfied_not_archived</name>
    <message>
        <location filename="../../app/domain/rules.py" line="98"/>
        <source>来电人不满意的工单不能归档；请重办。</source>
        <translation>A ticket the caller is unsatisfied with cannot be archived; reopen it.</translation>
    </message>
</context>
<context>
    <name>settings.bad_agent_name</name>
    <message>
        <location filename="../../app/settings.py" line="62"/>
        <source>请填写您的姓名（最多 20 个字），它会记在您受理的工单上。</source>
        <translation>Enter your name (up to 20 characters); it is recorded on the tickets you take.</translation>
    </message>
</context>
<context>
    <name>settings.bad_seat_id</name>
    <message>
        <location filename="../../app/settings.py" line="61"/>
        <source>座席编号只能用字母和数字，1～12 位，如 S01、A12；每个座席各不相同。</source>
        <translation>A seat number has 1-12 letters and digits, such as S01 or A12; every seat has its own.</translation>
    </message>
</context>
<context>
    <name>sync.after_rejected</name>
    <message>
        <location filename="../../app/sync/engine.py" line="51"/>
        <source>前一项修改被中心退回，此项修改未提交；请核对后重新修改。</source>
        <translation>An earlier change was sent back by the center, so this one was not sent; check the ticket and make the change again.</translation>
    </message>
</context>
<context>
    <name>sync.already_at_center</name>
    <message>
        <location filename="../../app/sync/engine.py" line="53"/>
        <source>这张工单已在中心登记，无需重新提交；请直接修改后保存。</source>
        <translation>The center already has this ticket; no need to send it again — edit it and save.</translation>
    </message>
</context>
<context>
    <name>sync.answered</name>
    <message>
        <location filename="../../app/sync/client.py" line="26"/>
        <source>服务器返回 {status}</source>
        <translation>the server answered {status}</translation>
    </message>
</context>
<context>
    <name>sync.center_refused</name>
    <message>
        <location filename="../../app/sync/engine.py" line="50"/>
        <source>中心拒收了这项修改。</source>
        <translation>The center refused this change.</translation>
    </message>
</context>
<context>
    <name>sync.certificate</name>
    <message>
        <location filename="../../app/sync/client.py" line="22"/>
        <source>无法验证中心服务器的证书；请检查服务器地址，或在设置中指定单位的 CA 证书文件。</source>
        <translation>The center&apos;s certificate cannot be verified; check the server address, or set your organisation&apos;s CA certificate file in Settings.</translation>
    </message>
</context>
<context>
    <name>sync.login_offline</name>
    <message>
        <location filename="../../app/sync/client.py" line="29"/>
        <source>暂时连不上中心服务器，无法登录；请检查网络和服务器地址。</source>
        <translation>The center cannot be reached, so you cannot sign in now; check the network and the server address.</translation>
    </message>
</context>
<context>
    <name>sync.no_conflict</name>
    <message>
        <location filename="../../app/sync/engine.py" line="52"/>
        <source>没有找到这张工单的冲突记录，可能已处理。</source>
        <translation>No conflict is recorded for this ticket; it may have been settled already.</translation>
    </message>
</context>
<context>
    <name>sync.no_keyring</name>
    <message>
        <location filename="../../app/sync/credentials.py" line="18"/>
        <source>本机没有可用的系统密钥环，登录凭据只保存在本次运行的内存中；关闭程序后需要重新登录。</source>
        <translation>No system keyring is available: the login is kept in memory for this run only; you will need to sign in again after closing the program.</translation>
    </message>
</context>
<context>
    <name>sync.not_at_center</name>
    <message>
        <location filename="../../app/sync/center_calls.py" line="13"/>
        <source>中心没有这张工单，或您无权查看；请先同步再试。</source>
        <translation>The center has no such ticket, or you may not see it; sync first and try again.</translation>
    </message>
</context>
<context>
    <name>sync.offline</name>
    <message>
        <location filename="../../app/sync/client.py" line="27"/>
        <source>暂时连不上中心服务器（{problem}）；工单已安全保存在本机，恢复网络后会自动同步。</source>
        <translation>The center cannot be reached ({problem}); tickets are safe on this seat and sync by themselves once the network is back.</translation>
    </message>
</context>
<context>
    <name>sync.refused</name>
    <message>
        <location filename="../../app/sync/client.py" line="28"/>
        <source>服务器拒绝了请求（{status}）。</source>
        <translation>The server refused the request ({status}).</translation>
    </message>
</context>
<context>
    <name>sync.signed_out</name>
    <message>
        <location filename="../../app/sync/errors.py" line="8"/>
        <source>登录已失效，请重新登录后再同步。</source>
        <translation>The sign-in has expired; sign in again to sync.</translation>
    </message>
</context>
<context>
    <name>sync.timed_out</name>
    <message>
        <location filename="../../app/sync/client.py" line="24"/>
        <source>连接超时</source>
        <translation>timed out</translation>
    </message>
</context>
<context>
    <name>sync.unreachable</name>
    <message>
        <location filename="../../app/sync/client.py" line="25"/>
        <source>无法连接</source>
        <translation>no connection</translation>
    </message>
</context>
<context>
    <name>sync.waits_with_conflict</name>
    <message>
        <location filename="../../app/sync/engine.py" line="49"/>
        <source>这张工单与中心有冲突，此项修改随冲突一起等待处理。</source>
        <translation>This ticket is in conflict with the center; this change waits with the conflict.</translation>
    </message>
</context>
<context>
    <name>ticket.address_needed</name>
    <message>
        <location filename="../../app/domain/ticket.py" line="39"/>
        <source>{type}类工单请填写详细地址（路名、小区、门牌或参照物）。</source>
        <translation>A {type} ticket needs an address (road, estate, door number or landmark).</translation>
    </message>
</context>
<context>
    <name>ticket.category_needed</name>
    <message>
        <location filename="../../app/domain/ticket.py" line="33"/>
        <source>请选择一级分类（可参考右侧助手的建议）。</source>
        <translation>Choose Category 1 (the assistant on the right suggests one).</translation>
    </message>
</context>
<context>
    <name>ticket.choose</name>
    <message>
        <location filename="../../app/domain/ticket.py" line="26"/>
        <source>请选择{field}。</source>
        <translation>Choose the {field}.</translation>
    </message>
</context>
<context>
    <name>ticket.description_needed</name>
    <message>
        <location filename="../../app/domain/ticket.py" line="30"/>
        <source>请填写诉求内容：发生了什么、在哪里、希望怎么解决。</source>
        <translation>Write the request details: what happened, where, and what the caller wants done.</translation>
    </message>
</context>
<context>
    <name>ticket.district_needed</name>
    <message>
        <location filename="../../app/domain/ticket.py" line="38"/>
        <source>{type}类工单请选择问题发生的区县。</source>
        <translation>A {type} ticket needs the district where the problem is.</translation>
    </message>
</context>
<context>
    <name>ticket.not_a_choice</name>
    <message>
        <location filename="../../app/domain/ticket.py" line="27"/>
        <source>“{value}”不是可选的{field}，请从列表中选择。</source>
        <translation>“{value}” is not a valid {field}; choose from the list.</translation>
    </message>
</context>
<context>
    <name>ticket.not_a_district</name>
    <message>
        <location filename="../../app/domain/ticket.py" line="35"/>
        <source>“{district}”不是本市的区县，请从列表中选择。</source>
        <translation>“{district}” is not a district of this city; choose from the list.</translation>
    </message>
</context>
<context>
    <name>ticket.not_in_categories</name>
    <message>
        <location filename="../../app/domain/ticket.py" line="34"/>
        <source>{field}不在分类目录中，请从列表中选择。</source>
        <translation>The {field} is not in the category list; choose from the list.</translation>
    </message>
</context>
<context>
    <name>ticket.not_in_chosen_district</name>
    <message>
        <location filename="../../app/domain/ticket.py" line="37"/>
        <source>“{street}”不属于所选区县，请重新选择乡镇/街道。</source>
        <translation>“{street}” is not in the chosen district; choose the town/subdistrict again.</translation>
    </message>
</context>
<context>
    <name>ticket.not_in_district</name>
    <message>
        <location filename="../../app/domain/ticket.py" line="36"/>
        <source>“{street}”不属于{district}，请重新选择乡镇/街道。</source>
        <translation>“{street}” is not in {district}; choose the town/subdistrict again.</translation>
    </message>
</context>
<context>
    <name>ticket.phone_needed</name>
    <message>
        <location filename="../../app/domain/ticket.py" line="31"/>
        <source>请填写联系电话，以便承办单位联系和回访；来电人不愿留号码时请勾选“匿名”。</source>
        <translation>Enter a phone number so the unit can reach the caller and call back; if the caller will not give one, tick “Anonymous”.</translation>
    </message>
</context>
<context>
    <name>ticket.title_needed</name>
    <message>
        <location filename="../../app/domain/ticket.py" line="29"/>
        <source>请填写标题，用一句话概括诉求，例如“凯旋路污水井返水”。</source>
        <translation>Enter a subject that sums up the request in one line, such as “Sewer backing up on Kaixuan Road”.</translation>
    </message>
</context>
<context>
    <name>ticket.too_long</name>
    <message>
        <location filename="../../app/domain/ticket.py" line="28"/>
        <source>{field}最多{limit}字，现在有{length}字，请删减{over}字（可把附件内容放到备注中）。</source>
        <translation>The {field} takes at most {limit} characters and has {length}; cut {over} (attachments can go in a note).</translation>
    </message>
</context>
<context>
    <name>widget</name>
    <message>
        <location filename="../../ui/reports/__main__.py" line="34"/>
        <source>报表与简报</source>
        <translation>Reports and brief</translation>
    </message>
</context>
</TS>
